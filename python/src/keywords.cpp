// A keyword that a compiled function does not take: a TypeError naming the
// function, the keyword and the accepted ones, instead of pybind11's dump
// of every overload's signature.
//
// Every pybind11 function object calls one dispatcher through its
// PyMethodDef. name_unexpected_keywords() points the PyMethodDef of each
// function, method, static method and constructor of the module at
// dispatch() below, which calls that dispatcher and looks at a TypeError
// only: when a keyword matches no overload's parameters, the error becomes
// the one of dilemma._keywords.unexpected_keyword (the Python functions'
// message too). A call that succeeds costs one more C function call.
#include <algorithm>
#include <string>
#include <vector>

#include "bindings.hpp"

namespace dilemma::python {

namespace {

PyCFunction pybind11_dispatcher = nullptr;

bool is_pybind11_function(PyObject* function) {
  if (!PyCFunction_Check(function)) return false;
  PyObject* self = PyCFunction_GET_SELF(function);
  return self != nullptr && PyCapsule_CheckExact(self) &&
         py::detail::is_function_record_capsule(py::reinterpret_borrow<py::capsule>(self));
}

/// The keywords some overload of `head` takes, in order; false when one
/// takes **kwargs (any keyword).
bool accepted_keywords(const py::detail::function_record* head, std::vector<std::string>& accepted) {
  for (const auto* overload = head; overload != nullptr; overload = overload->next) {
    if (overload->has_kwargs) return false;
    for (std::size_t i = overload->nargs_pos_only; i < overload->args.size(); ++i) {
      const char* name = overload->args[i].name;
      if (name == nullptr || *name == '\0' || (overload->is_method && i == 0)) continue;  // unnamed, or self
      if (std::find(accepted.begin(), accepted.end(), name) == accepted.end()) accepted.emplace_back(name);
    }
  }
  return true;
}

/// The name as called: function, Class.method, or Class for a constructor.
std::string called_name(const py::detail::function_record* head) {
  if (!head->scope || !PyType_Check(head->scope.ptr())) return head->name;
  const std::string type = reinterpret_cast<PyTypeObject*>(head->scope.ptr())->tp_name;
  const std::string cls = type.substr(type.rfind('.') + 1);
  return head->is_constructor ? cls : cls + "." + head->name;
}

/// The unknown-keyword TypeError when no overload of `head` takes one of
/// the keywords given; None otherwise.
py::object keyword_error(const py::detail::function_record* head, PyObject* kwargs) {
  std::vector<std::string> accepted;
  if (!accepted_keywords(head, accepted)) return py::none();
  for (const auto item : py::reinterpret_borrow<py::dict>(kwargs)) {
    const auto key = py::str(item.first).cast<std::string>();
    if (std::find(accepted.begin(), accepted.end(), key) == accepted.end())
      return py::module_::import("dilemma._keywords").attr("unexpected_keyword")(called_name(head), key, accepted);
  }
  return py::none();
}

PyObject* dispatch(PyObject* self, PyObject* args, PyObject* kwargs) {
  PyObject* result = reinterpret_cast<PyCFunctionWithKeywords>(reinterpret_cast<void (*)()>(pybind11_dispatcher))(
      self, args, kwargs);
  if (result != nullptr || kwargs == nullptr || PyDict_GET_SIZE(kwargs) == 0 || !PyErr_ExceptionMatches(PyExc_TypeError))
    return result;
  // A keyword no overload takes: then no overload ran, and the error is
  // pybind11's. Any other error (one the function raised) stands.
  py::error_already_set error;
  try {
    const auto* head = static_cast<const py::detail::function_record*>(
        PyCapsule_GetPointer(self, py::detail::get_function_record_capsule_name()));
    const py::object better = keyword_error(head, kwargs);
    if (!better.is_none()) {
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(better.ptr())), better.ptr());
      return nullptr;
    }
  } catch (...) {  // the message could not be made: pybind11's stands
  }
  error.restore();
  return nullptr;
}

void redirect(PyObject* function) {
  if (!is_pybind11_function(function)) return;
  PyMethodDef* def = reinterpret_cast<PyCFunctionObject*>(function)->m_ml;
  const auto ours = reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(dispatch));
  if (def->ml_meth == ours) return;
  if (pybind11_dispatcher == nullptr) pybind11_dispatcher = def->ml_meth;
  if (def->ml_meth == pybind11_dispatcher) def->ml_meth = ours;
}

}  // namespace

void name_unexpected_keywords(py::module_& m) {
  for (const auto item : m.attr("__dict__").cast<py::dict>()) {
    PyObject* value = item.second.ptr();
    if (!PyType_Check(value)) {
      redirect(value);
      continue;
    }
    for (const auto member : py::reinterpret_borrow<py::object>(value).attr("__dict__").cast<py::dict>()) {
      PyObject* attribute = member.second.ptr();
      if (PyInstanceMethod_Check(attribute)) redirect(PyInstanceMethod_GET_FUNCTION(attribute));
      else if (py::hasattr(member.second, "__func__")) redirect(member.second.attr("__func__").ptr());  // static
    }
  }
}

}  // namespace dilemma::python
