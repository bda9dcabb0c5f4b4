// The confession dilemma of docs/model.md.
#include <sstream>

#include "bindings.hpp"
#include "dilemma/models/confession.hpp"

namespace dilemma::python {

namespace {

/// f(parameters, num_players) taking num_players from Python, named `function` in errors.
template <auto f>
auto with_num_players(const char* function) {
  return [function](const ConfessionParameters& p, const py::object& n) {
    return f(p, to_nonnegative(function, "num_players", n));
  };
}

/// Three values, one per action, for the attribute `name` (sentence, torture).
std::array<double, 3> per_action(const char* name, py::handle values) {
  const std::string function = std::string("ConfessionParameters.") + name;
  const auto array = to_real_array(function.c_str(), name, values);
  if (array.ndim() != 1 || array.size() != 3)
    detail::fail(function.c_str(), "needs three values, one per action (deny, confess, name), such as (6, 6, 0); got ",
                 std::string(py::repr(values)));
  return {array.data()[0], array.data()[1], array.data()[2]};
}

}  // namespace

void bind_models(py::module_& m) {
  py::class_<ConfessionParameters>(m, "ConfessionParameters", R"doc(
Parameters of the confession dilemma's cost (docs/model.md: Players, actions and costs):
``c(a, m) = base + sentence[a] + torture[a] - leniency [a = N] L(m_N)
+ named_cost m_N + confession_cost (m_C + m_N) + sucker_cost [a = D] m_N``.
Actions: 0 = deny, 1 = confess, 2 = name.
)doc")
      .def(py::init<>())
      .def_readwrite("base", &ConfessionParameters::base, "S: the quota sentence")
      .def_property(
          "sentence", [](const ConfessionParameters& p) { return py::tuple(py::cast(p.sentence)); },
          [](ConfessionParameters& p, const py::object& values) { p.sentence = per_action("sentence", values); },
          "sigma_a for deny, confess, name (a tuple: assign all three at once)")
      .def_property(
          "torture", [](const ConfessionParameters& p) { return py::tuple(py::cast(p.torture)); },
          [](ConfessionParameters& p, const py::object& values) { p.torture = per_action("torture", values); },
          "tau_a for deny, confess, name (a tuple: assign all three at once)")
      .def_readwrite("leniency", &ConfessionParameters::leniency, "l: leniency for naming")
      .def_readwrite("leniency_tiers", &ConfessionParameters::leniency_tiers, "l_1 >= l_2 >= ...; empty: flat")
      .def_readwrite("named_cost", &ConfessionParameters::named_cost, "eta: cost per other namer")
      .def_readwrite("confession_cost", &ConfessionParameters::confession_cost, "kappa: cost per other confessor")
      .def_readwrite("sucker_cost", &ConfessionParameters::sucker_cost, "xi: extra cost to a denier per other namer")
      .def("validate", [](const ConfessionParameters& p) { p.validate("ConfessionParameters.validate"); })
      .def("is_separable", &ConfessionParameters::is_separable)
      .def("leniency_share",
           [](const ConfessionParameters& p, const py::object& others_naming) {
             return p.leniency_share(to_nonnegative("leniency_share", "others_naming", others_naming));
           },
           py::arg("others_naming"))
      .def("cost", [](const ConfessionParameters& p, const py::object& a, const py::object& counts) {
        const std::size_t action = to_nonnegative("cost", "action", a);
        const Counts others = to_counts("cost", counts);
        if (action > 2 || others.size() != 3) detail::fail("cost", "needs an action 0..2 and three counts");
        return p.cost(action, others);
      }, py::arg("action"), py::arg("others"))
      .def(py::pickle(
          [](const ConfessionParameters& p) {
            return py::make_tuple(p.base, p.sentence, p.torture, p.leniency, p.leniency_tiers, p.named_cost,
                                  p.confession_cost, p.sucker_cost);
          },
          [](const py::tuple& t) {
            ConfessionParameters p;
            p.base = t[0].cast<double>(), p.sentence = t[1].cast<std::array<double, 3>>(),
            p.torture = t[2].cast<std::array<double, 3>>(), p.leniency = t[3].cast<double>(),
            p.leniency_tiers = t[4].cast<std::vector<double>>(), p.named_cost = t[5].cast<double>(),
            p.confession_cost = t[6].cast<double>(), p.sucker_cost = t[7].cast<double>();
            return p;
          }))
      .def("__repr__", [](const ConfessionParameters& p) {
        std::ostringstream out;
        out << "ConfessionParameters(base=" << p.base << ", sentence=" << detail::format_tuple(p.sentence)
            << ", torture=" << detail::format_tuple(p.torture) << ", leniency=" << p.leniency
            << ", leniency_tiers=" << detail::format_tuple(p.leniency_tiers) << ", named_cost=" << p.named_cost
            << ", confession_cost=" << p.confession_cost << ", sucker_cost=" << p.sucker_cost << ")";
        return out.str();
      });

  py::class_<ConfessionPreset> confession_preset_class(m, "ConfessionPreset", "A preset of docs/model.md (Presets): believed and real parameters.");
  def_fields(confession_preset_class,
             field("name", &ConfessionPreset::name),
             field("description", &ConfessionPreset::description),
             field("believed", &ConfessionPreset::believed),
             field("real", &ConfessionPreset::real));
  m.def("confession_preset", &confession_preset, py::arg("name"));
  m.def("confession_preset_names", &confession_preset_names);
  m.def(
      "_confession_game",
      [](const py::object& n, const ConfessionParameters& p) {
        return confession_game(to_nonnegative("confession_game", "num_players", n), p);
      },
      py::arg("num_players"), py::arg("parameters"));

  m.def("naming_gain", &naming_gain, py::arg("parameters"),
        "g = l - (sigma_N - sigma_D) - (tau_N - tau_D): the private gain from naming instead of denying.");
  m.def("confession_gain", &confession_gain, py::arg("parameters"),
        "(sigma_D + tau_D) - (sigma_C + tau_C): the private gain from confessing instead of denying.");
  m.def("all_naming_worse_than_all_denying", with_num_players<&all_naming_worse_than_all_denying>("all_naming_worse_than_all_denying"), py::arg("parameters"),
        py::arg("num_players"), "(eta + kappa)(n - 1) > g.");
  m.def("is_n_person_prisoners_dilemma", with_num_players<&is_n_person_prisoners_dilemma>("is_n_person_prisoners_dilemma"), py::arg("parameters"), py::arg("num_players"),
        "0 < g < (eta + kappa)(n - 1) (Hamburger 1973; Dawes 1980).");
  m.def("schelling_minimum_coalition", &schelling_minimum_coalition, py::arg("parameters"),
        "Schelling's k* = floor(g / (eta + kappa)) + 2.");
  m.def("per_capita_costs", with_num_players<&per_capita_costs>("per_capita_costs"), py::arg("parameters"), py::arg("num_players"),
        "S + w_a when everybody plays a, for deny, confess, name.");
  m.def("price_of_anarchy_closed_form", with_num_players<&price_of_anarchy_closed_form>("price_of_anarchy_closed_form"), py::arg("parameters"), py::arg("num_players"),
        "(S + w_N) / (S + min_a w_a).");
}

}  // namespace dilemma::python
