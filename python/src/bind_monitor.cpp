// Resource limits: Ctrl-C, progress callbacks, time limits and cancel tokens
// for the solvers (dilemma.monitor, CancelToken; SolverScope used by every
// binding), and the memory limit of dense allocations.
#include <limits>
#include <stdexcept>

#include "bindings.hpp"
#include "dilemma/core/shape.hpp"

namespace dilemma::python {

namespace {

/// What `with dilemma.monitor(...)` asks of the solvers this thread runs.
struct PyMonitor {
  py::object progress = py::none();
  double time_limit = std::numeric_limits<double>::infinity();
  py::object cancel = py::none();  // a CancelToken or None
};

/// The monitors of the `with` blocks this thread is in, innermost last: a
/// list in the thread state's dict. Python owns it and frees it with the GIL
/// held when the thread ends or the interpreter exits (a C++ thread_local
/// was destroyed after that, without the GIL, and crashed).
py::list open_monitors() {
  PyObject* dict = PyThreadState_GetDict();  // borrowed
  if (dict == nullptr) throw std::runtime_error("dilemma.monitor: no Python thread state");
  PyObject* list = PyDict_GetItemString(dict, "dilemma.open_monitors");  // borrowed
  if (list != nullptr) return py::reinterpret_borrow<py::list>(list);
  py::list fresh;
  if (PyDict_SetItemString(dict, "dilemma.open_monitors", fresh.ptr()) != 0) throw py::error_already_set();
  return fresh;
}

}  // namespace

Monitor SolverScope::make_monitor(py::object& progress, py::object& cancel) {
  Monitor monitor;
  const py::list open = open_monitors();
  if (!open.empty()) {
    const auto& request = open[open.size() - 1].cast<const PyMonitor&>();
    progress = request.progress;
    cancel = request.cancel;
    monitor.time_limit = request.time_limit;
    if (!cancel.is_none()) monitor.cancel = &cancel.cast<const CancelToken&>();
  }
  // Also without a progress callback: the solver's checkpoints are where a
  // pending Ctrl-C (or any signal handler's exception) is raised.
  monitor.progress = [&progress](double fraction) {
    py::gil_scoped_acquire acquire;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    if (!progress.is_none()) progress(fraction);
  };
  return monitor;
}

SolverScope::SolverScope() : scope_(make_monitor(progress_, cancel_)) {}

void bind_monitor(py::module_& m) {
  py::register_exception<Cancelled>(m, "Cancelled", PyExc_RuntimeError);
  py::register_exception_translator([](std::exception_ptr error) {
    try {
      if (error) std::rethrow_exception(error);
    } catch (const TimeLimitExceeded& e) {
      PyErr_SetString(PyExc_TimeoutError, e.what());
    }
  });
  m.def("memory_limit", &memory_limit, R"doc(
The most memory (bytes) one dense game, table or tableau may take; larger
ones are refused with a ValueError saying how large they would be, before
anything is allocated. Default: half the physical memory.
)doc");
  m.def(
      "set_memory_limit",
      [](const py::object& bytes) {
        if (bytes.is_none()) return set_memory_limit(0);
        const long long value = is_integer_scalar(bytes) ? to_integer<long long>("set_memory_limit", "bytes", bytes) : 0;
        if (value < 1)
          detail::fail("set_memory_limit", "bytes must be a positive integer or None, got ", std::string(py::repr(bytes)));
        set_memory_limit(static_cast<std::uint64_t>(value));
      },
      py::arg("bytes"), R"doc(
Set :func:`memory_limit` for the whole process (None restores the default,
half the physical memory).

Examples
--------
>>> import dilemma
>>> dilemma.set_memory_limit(10**6)
>>> try:
...     dilemma.NormalFormGame((1000, 1000))
... except ValueError as error:
...     print(error)
NormalFormGame: a dense game with action counts (1000, 1000) needs 16000000 bytes (16 MB), more than the memory limit of 1000000 bytes (1 MB) (set_memory_limit changes it)
>>> dilemma.set_memory_limit(None)
)doc");
  py::class_<CancelToken>(m, "CancelToken", R"doc(
A flag that stops the solvers run in a ``with dilemma.monitor(cancel=token)``
block: call ``token.cancel()`` from another thread (a button callback, a
timer) and the solver raises ``dilemma.Cancelled`` at its next checkpoint.
)doc")
      .def(py::init<>())
      .def("cancel", &CancelToken::cancel, "Ask the solvers polling this token to stop.")
      .def("reset", &CancelToken::reset, "Clear the request, so the token can be used again.")
      .def_property_readonly("cancelled", &CancelToken::cancelled);
  py::class_<PyMonitor>(m, "Monitor", "Context manager returned by dilemma.monitor.")
      .def("__enter__",
           [](const py::object& self) {
             open_monitors().append(self);
             return self;
           })
      .def("__exit__", [](const py::object& self, const py::args&) {
        // Its own entry, the innermost one: blocks may also be left out of order.
        const py::list open = open_monitors();
        for (std::size_t k = open.size(); k-- > 0;)
          if (open[k].ptr() == self.ptr()) {
            if (PySequence_DelItem(open.ptr(), static_cast<py::ssize_t>(k)) != 0) throw py::error_already_set();
            break;
          }
        return false;
      });
  m.def(
      "monitor",
      [](py::object progress, py::object time_limit, py::object cancel) {
        PyMonitor monitor;
        if (!progress.is_none() && !PyCallable_Check(progress.ptr()))
          throw py::type_error("monitor: progress must be callable or None, got " +
                               py::repr(progress).cast<std::string>());
        monitor.progress = progress;
        if (!time_limit.is_none()) {
          const bool number = PyFloat_Check(time_limit.ptr()) || is_integer_scalar(time_limit);
          const double seconds = number ? time_limit.cast<double>() : -1.0;
          if (!(seconds >= 0))
            throw py::value_error("monitor: time_limit must be >= 0 seconds or None, got " +
                                  py::repr(time_limit).cast<std::string>());
          monitor.time_limit = seconds;
        }
        if (!cancel.is_none()) {
          if (!py::isinstance<CancelToken>(cancel))
            throw py::type_error("monitor: cancel must be a CancelToken or None, got " +
                                 py::repr(cancel).cast<std::string>());
          monitor.cancel = cancel;
        }
        return monitor;
      },
      py::kw_only(), py::arg("progress") = py::none(), py::arg("time_limit") = py::none(),
      py::arg("cancel") = py::none(), R"doc(
Progress reports, a time limit and cancellation for the solvers run in a ``with`` block.

Every solver releases the GIL and checks at its checkpoints (per support,
box, pivot or path step) whether to stop; Ctrl-C (KeyboardInterrupt in
Jupyter) is honoured there with or without a monitor.

Parameters
----------
progress : callable, optional
    Called as ``progress(fraction)`` about every 50 ms with the fraction of
    the work done (NaN when the solver cannot tell); an exception it raises
    stops the solver and propagates.
time_limit : float, optional
    Seconds after which a solver raises ``TimeoutError``.
cancel : CancelToken, optional
    A solver raises ``dilemma.Cancelled`` once ``cancel.cancel()`` is called.

Notes
-----
A solver that streams (``pure_nash``, ``vertex_enumeration``,
``support_enumeration``, ``enumerate_equilibria``) attaches the equilibria
found before a ``TimeoutError``, ``Cancelled`` or ``KeyboardInterrupt`` to
the exception as ``error.equilibria``; its generator has yielded them.

Examples
--------
>>> import dilemma
>>> game = dilemma.random_game((4, 4, 4), random_state=1)
>>> try:
...     with dilemma.monitor(time_limit=0.0):
...         dilemma.enumerate_equilibria(game)
... except TimeoutError as error:
...     print(error)
enumerate_equilibria: stopped at the time limit of 0 s
)doc");
}

}  // namespace dilemma::python
