#include <string>

#include "bindings.hpp"
#include "dilemma/core/errors.hpp"
#include "dilemma/solvers/symmetric_pure_nash.hpp"

namespace dilemma::python {

bool is_integer_scalar(py::handle value) {
  if (py::isinstance<py::bool_>(value)) return false;
  if (PyLong_Check(value.ptr())) return true;
  // numpy integer scalars
  const py::module_ numpy = py::module_::import("numpy");
  return py::isinstance(value, numpy.attr("integer"));
}

long long to_integer(const char* function, const char* name, py::handle value, long long low, long long high) {
  const auto shown = [&] {
    std::string text = py::repr(value);
    return text.size() > 80 ? text.substr(0, 77) + "..." : text;
  };
  if (!is_integer_scalar(value)) detail::fail(function, name, " must be an integer, got ", shown());
  int overflow = 0;
  const py::int_ number(py::reinterpret_borrow<py::object>(value));  // numpy integers too
  const long long result = PyLong_AsLongLongAndOverflow(number.ptr(), &overflow);
  if (overflow == 0 && result == -1 && PyErr_Occurred() != nullptr) throw py::error_already_set();
  if (overflow == 0 && result >= low && result <= high) return result;
  if (low == 0 && (overflow < 0 || result < 0)) detail::fail(function, name, " must be >= 0, got ", shown());
  detail::fail(function, name, " must be an integer from ", low, " to ", high, ", got ", shown());
}

void check_numpy_dimensions(const char* function, std::size_t dimensions, const char* why) {
  constexpr std::size_t kNumpyMaxDims = 32;  // NPY_MAXDIMS of numpy 1.x
  if (dimensions > kNumpyMaxDims)
    detail::fail(function, "needs a numpy array of ", dimensions, " dimensions", why, ", numpy allows at most ",
                 kNumpyMaxDims);
}

bool is_value_error(const py::error_already_set& error) {
  return error.matches(PyExc_TypeError) || error.matches(PyExc_ValueError) || error.matches(PyExc_OverflowError);
}

std::size_t to_nonnegative(const char* function, const char* name, py::handle value) {
  return to_integer<std::size_t>(function, name, value);
}

RealArray to_real_array(const char* function, const char* what, py::handle value) {
  if (value.is_none()) detail::fail(function, what, " must be real numbers, got None");
  const py::module_ numpy = py::module_::import("numpy");
  py::object array;
  try {
    array = numpy.attr("asarray")(value);
  } catch (py::error_already_set& error) {
    if (!is_value_error(error)) throw;  // KeyboardInterrupt and the like, as they are
    detail::fail(function, what, " must be real numbers: ", error.what());
  }
  const py::object dtype = array.attr("dtype");
  const std::string kind = py::str(dtype.attr("kind"));
  if (kind == "c") detail::fail(function, what, " must be real numbers, got complex values (dtype ", std::string(py::str(dtype)), ")");
  if (kind != "b" && kind != "i" && kind != "u" && kind != "f" && kind != "O")
    detail::fail(function, what, " must be real numbers, got an array of dtype ", std::string(py::str(dtype)));
  try {  // not RealArray::ensure: it clears every error, KeyboardInterrupt included
    return numpy.attr("asarray")(array, py::arg("dtype") = "float64", py::arg("order") = "C").cast<RealArray>();
  } catch (py::error_already_set& error) {  // an object array holding something that is not a real number
    if (!is_value_error(error)) throw;
    std::string shown = py::repr(value);
    if (shown.size() > 80) shown = shown.substr(0, 77) + "...";
    detail::fail(function, what, " must be real numbers, got ", shown);
  }
}

namespace {

std::size_t to_index(const char* function, py::handle value, std::size_t player) {
  const std::string name = "the action of player " + std::to_string(player);
  const auto index = to_integer<long long>(function, name.c_str(), value);
  if (index < 0) detail::fail(function, "action ", index, " of player ", player, " is negative");
  return static_cast<std::size_t>(index);
}

}  // namespace

AnyProfile to_profile(const char* function, const NormalFormGame& game, py::handle profile) {
  if (!py::isinstance<py::sequence>(profile) && !py::isinstance<py::array>(profile))
    detail::fail(function, "a profile must be a sequence, got ",
                 std::string(py::str(profile.get_type().attr("__name__"))));
  if (py::isinstance<py::array>(profile) && py::reinterpret_borrow<py::array>(profile).ndim() == 0)
    detail::fail(function, "a profile must be a sequence with one entry per player, got the 0-d array ",
                 std::string(py::repr(profile)));
  // A numpy array becomes the list of its rows (or of its scalars if 1-D).
  const py::object holder = py::isinstance<py::array>(profile)
                                ? py::object(profile.attr("tolist")())
                                : py::reinterpret_borrow<py::object>(profile);
  const auto entries = py::reinterpret_borrow<py::sequence>(holder);
  const std::size_t size = py::len(entries);
  if (size != game.num_players())
    detail::fail(function, "profile has ", size, " entries, the game has ", game.num_players(),
                 " players");
  bool all_integers = true;
  for (std::size_t i = 0; i < size; ++i) all_integers = all_integers && is_integer_scalar(entries[i]);
  if (all_integers) {
    PureProfile pure(size);
    for (std::size_t i = 0; i < size; ++i) pure[i] = to_index(function, entries[i], i);
    game.profile_index(pure, function);  // range check with the caller's name
    return pure;
  }
  // Not all action indices: every entry must then be a probability vector.
  for (std::size_t i = 0; i < size; ++i)
    if (py::isinstance<py::float_>(entries[i]) || (PyNumber_Check(entries[i].ptr()) && !is_integer_scalar(entries[i]) &&
                                                   !py::isinstance<py::sequence>(entries[i]) &&
                                                   !py::isinstance<py::array>(entries[i])))
      detail::fail(function, "the entry of player ", i, " is ", std::string(py::repr(entries[i])),
                   ": an action index must be an integer, a mixed strategy a 1-D probability vector");
  MixedProfile mixed(size);
  for (std::size_t i = 0; i < size; ++i) {
    const std::string name = "strategy of player " + std::to_string(i);
    const RealArray strategy = to_real_array(function, name.c_str(), entries[i]);
    if (strategy.ndim() != 1)
      detail::fail(function, "strategy of player ", i,
                   " must be an action index or a 1-D probability vector, got an array with ",
                   strategy.ndim(), " dimensions");
    mixed[i].assign(strategy.data(), strategy.data() + strategy.size());
  }
  return normalized_profile(function, game, std::move(mixed));
}

py::object to_python(const Rational& value) {
  const py::object fraction = py::module_::import("fractions").attr("Fraction");
  // to_python_int takes magnitudes only (hexadecimal text).
  const py::object magnitude = to_python_int(abs(numerator(value)));
  return fraction(value < 0 ? magnitude.attr("__neg__")() : magnitude, to_python_int(denominator(value)));
}

py::array_t<double> to_array(const std::vector<double>& values) {
  return py::array_t<double>(static_cast<py::ssize_t>(values.size()), values.data());
}

py::object to_array(const std::vector<Rational>& values) {
  py::list fractions;
  for (const Rational& p : values) fractions.append(to_python(p));
  return py::module_::import("numpy").attr("array")(fractions, py::arg("dtype") = "object");
}

py::tuple to_python(const PureProfile& profile) {
  py::tuple result(profile.size());
  for (std::size_t i = 0; i < profile.size(); ++i) result[i] = py::int_(profile[i]);
  return result;
}

py::tuple to_python(const MixedProfile& profile) {
  py::tuple result(profile.size());
  for (std::size_t i = 0; i < profile.size(); ++i)
    result[i] = py::array_t<double>(static_cast<py::ssize_t>(profile[i].size()), profile[i].data());
  return result;
}

std::vector<std::size_t> to_sizes(const char* function, const char* name, py::handle values) {
  if (!py::isinstance<py::sequence>(values) && !py::isinstance<py::array>(values))
    detail::fail(function, name, " must be a sequence of integers, got ", std::string(py::repr(values)));
  std::vector<std::size_t> result;
  for (py::handle value : values) {
    if (!is_integer_scalar(value)) detail::fail(function, name, " must be integers, got ", std::string(py::repr(value)));
    result.push_back(to_integer<std::size_t>(function, name, value));
  }
  return result;
}

Counts to_counts(const char* function, py::handle counts) {
  if (py::isinstance<CountClass>(counts)) return counts.cast<const CountClass&>().counts;
  return to_sizes(function, "counts", counts);
}

std::vector<std::size_t> to_nums_actions(const char* function, py::handle nums_actions) {
  if (!py::isinstance<py::sequence>(nums_actions) && !py::isinstance<py::array>(nums_actions))
    detail::fail(function, "nums_actions must be a sequence of positive integers");
  std::vector<std::size_t> result;
  for (py::handle value : nums_actions) {
    if (!is_integer_scalar(value))
      detail::fail(function, "nums_actions entries must be integers, got ", std::string(py::repr(value)));
    const long long count = to_integer<long long>(function, "nums_actions entries", value);
    if (count < 1) detail::fail(function, "every player needs at least one action, got ", count);
    result.push_back(static_cast<std::size_t>(count));
  }
  return result;
}

}  // namespace dilemma::python
