// Gambit .nfg files.
#include "bindings.hpp"
#include "dilemma/io/nfg.hpp"

namespace dilemma::python {

void bind_io(py::module_& m) {
  py::register_exception<NfgParseError>(m, "NfgParseError", PyExc_ValueError);
  m.def("read_nfg", &read_nfg, py::arg("path_or_text"),
        "A game from a Gambit .nfg file: a path, or the file's text (text starts with 'NFG').",
        py::call_guard<SolverScope>());  // a pipe can be slow: Ctrl-C and time limits apply
  m.def("parse_nfg", [](const std::string& text) { return parse_nfg(text); }, py::arg("text"),
        "A game from the text of a Gambit .nfg file.", py::call_guard<SolverScope>());
  m.def("to_nfg", &to_nfg, py::arg("game"), "The game as the text of a Gambit .nfg file.");
  m.def("write_nfg", py::overload_cast<const NormalFormGame&, const std::string&>(&write_nfg),
        py::arg("game"), py::arg("path"), "Writes the game to a Gambit .nfg file.");
}

}  // namespace dilemma::python
