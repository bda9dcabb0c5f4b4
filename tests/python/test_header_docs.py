"""Every public function in the headers has a Doxygen comment stating its
complexity (issue 7; the Eigen/Boost anchor of STYLE.md).

The check parses include/dilemma/**/*.hpp (skipping include/dilemma/detail/,
`namespace detail { ... }` and anonymous namespaces) and, for each function
declared or defined at namespace scope, requires a block of `///` lines
directly above it (above its `template <...>` line, if any) containing
`Complexity:`. Class members, classes, `using`, variables, macros and
statements are not functions and are not checked. No compiled module needed.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INCLUDE = ROOT / "include" / "dilemma"

_KEYWORDS_NOT_NAMES = {"if", "for", "while", "switch", "return", "sizeof", "decltype", "alignas",
                       "static_assert", "noexcept", "throw", "catch"}


def _strip_template_prefix(text):
    """Removes leading `template <...>` clauses (nested angle brackets)."""
    while True:
        m = re.match(r"\s*template\s*<", text)
        if not m:
            return text
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"<": 1, ">": -1}.get(text[i], 0)
            i += 1
        text = text[i:]


def _function_name(statement):
    """The name of the function a namespace-scope statement declares, or None."""
    text = re.sub(r"\[\[.*?\]\]", " ", _strip_template_prefix(statement)).strip()
    if not text or re.match(r"(using|typedef|namespace|static_assert|friend|extern\s+template|template\b|"
                            r"(class|struct|union|enum)\b)", text):
        return None
    # the first '(' outside template angle brackets ('operator<' etc. are not brackets)
    angle, i = 0, 0
    while i < len(text):
        if text.startswith("operator", i) and not re.match(r"\w", text[i - 1:i] or " "):
            m = re.match(r"operator\s*(\(\)|[^\s(]+)", text[i:])
            i += m.end() if m else len("operator")
            continue
        c = text[i]
        if c == "<":
            angle += 1
        elif c == ">" and angle:
            angle -= 1
        elif c == "=" and not angle:
            return None  # a variable with an initializer
        elif c == "(" and not angle:
            break
        i += 1
    else:
        return None
    m = re.search(r"(operator\s*(\(\)|[^\s(]+)|~?[A-Za-z_]\w*)\s*$", text[:i])
    if not m or m.group(1) in _KEYWORDS_NOT_NAMES:
        return None
    before = text[:m.start()].strip()
    if not before and not m.group(1).startswith("operator"):
        return None  # a bare call such as a macro invocation: no return type
    return m.group(1)


def namespace_scope_functions(source):
    """(line, name) of every function declared or defined at public namespace scope."""
    found = []
    scopes = []  # 'ns', 'private-ns', 'class', 'other'
    statement, start_line = [], None
    i, line, n = 0, 1, len(source)
    paren = 0
    at_line_start = True

    def public_ns():
        return all(s == "ns" for s in scopes)

    def finish(kind):
        nonlocal statement, start_line
        text = "".join(statement)
        result = None
        if public_ns():
            name = _function_name(text)
            if name is not None:
                found.append((start_line, name))
            if kind == "{":
                head = _strip_template_prefix(text).strip()
                if re.match(r"(inline\s+)?namespace\b", head):
                    private = re.search(r"\bdetail\b", head) or re.fullmatch(r"(inline\s+)?namespace", head)
                    result = "private-ns" if private else "ns"
                elif name is not None:
                    result = "other"  # function body
                elif re.match(r"(class|struct|union|enum)\b", head):
                    result = "class"
                else:
                    result = "other"
        statement, start_line = [], None
        return result

    while i < n:
        c = source[i]
        if c == "\n":
            line += 1
            at_line_start = True
            if statement:
                statement.append(" ")
            i += 1
            continue
        if at_line_start and c == "#":  # preprocessor line, with continuations
            while i < n and source[i] != "\n":
                if source[i] == "\\" and i + 1 < n and source[i + 1] == "\n":
                    line += 1
                    i += 1
                i += 1
            continue
        if not c.isspace():
            at_line_start = False
        if source.startswith("//", i):
            while i < n and source[i] != "\n":
                i += 1
            continue
        if source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += source.count("\n", i, end)
            i = end
            continue
        if c in "\"'":
            m = re.match(r'R"([^(]*)\(', source[i - 1:]) if c == '"' and source[i - 1:i] == "R" else None
            if m:
                end = source.find(")" + m.group(1) + '"', i)
                end = n if end < 0 else end + len(m.group(1)) + 2
            else:
                end = i + 1
                while end < n and source[end] != c:
                    end += 2 if source[end] == "\\" else 1
                end += 1
            line += source.count("\n", i, end)
            if public_ns():
                statement.append(source[i:end])
            i = end
            continue
        if c == "(":
            paren += 1
        elif c == ")":
            paren -= 1
        if c == "{" and paren == 0:
            scopes.append(finish("{") if public_ns() else "other")
        elif c == "}" and paren == 0:
            if scopes:
                scopes.pop()
            statement, start_line = [], None
        elif c == ";" and paren == 0:
            if public_ns():
                finish(";")
            statement, start_line = [], None
        elif public_ns():
            if start_line is None and not c.isspace():
                start_line = line
            statement.append(c)
        i += 1
    return found


def undocumented(path, root=ROOT):
    lines = path.read_text().split("\n")
    problems = []
    for line, name in namespace_scope_functions(path.read_text()):
        j = line - 2
        block = []
        while j >= 0 and lines[j].strip().startswith("///"):
            block.append(lines[j])
            j -= 1
        if not block:
            problems.append(f"{path.relative_to(root)}:{line}:{name}: no /// comment directly above")
        elif "Complexity:" not in " ".join(block):
            problems.append(f"{path.relative_to(root)}:{line}:{name}: /// comment without 'Complexity:'")
    return problems


def public_headers():
    return [p for p in sorted(INCLUDE.rglob("*.hpp")) if "detail" not in p.relative_to(INCLUDE).parts]


SAMPLE = """\
#pragma once
#define DILEMMA_TWICE(x) \\
  ((x) + (x))
namespace dilemma {
/// A class.
template <class T, class U = std::pair<int, int>>
struct Holder {
  void member(int) const;
  Holder() { inline_body(); }
};
using Alias = std::vector<int>;
inline constexpr int limit = compute(3);
/// One. Complexity: O(1).
inline int one() { return 1; }
/// Two.
template <class Game,
          class F>
std::map<std::string, std::vector<double>> two(const Game& g,
                                               F f = {}) {
  if (f(g)) { return {}; }
  return {};
}
inline double three(const char* s = "{(;") { return 0; }
/// Four. Complexity: O(n).
bool operator<(const Holder<int>& a, const Holder<int>& b);
namespace detail {
inline void hidden() {}
}  // namespace detail
/// Complexity: O(1)
template <class T>
inline T five(T x) noexcept(true);
}  // namespace dilemma
"""


def test_the_parser_finds_functions_and_nothing_else():
    assert namespace_scope_functions(SAMPLE) == [(14, "one"), (16, "two"), (23, "three"), (25, "operator<"),
                                                 (30, "five")]


def test_the_check_fails_when_a_comment_is_missing(tmp_path):
    header = tmp_path / "include" / "dilemma" / "x.hpp"
    header.parent.mkdir(parents=True)
    header.write_text(SAMPLE)
    problems = undocumented(header, root=tmp_path)
    assert problems == ["include/dilemma/x.hpp:16:two: /// comment without 'Complexity:'",
                        "include/dilemma/x.hpp:23:three: no /// comment directly above"]


def test_headers_are_found():
    assert len(public_headers()) > 20


@pytest.mark.parametrize("header", public_headers(), ids=lambda p: str(p.relative_to(INCLUDE)))
def test_every_public_function_states_its_complexity(header):
    problems = undocumented(header)
    assert not problems, "public functions without a '/// ... Complexity:' comment:\n" + "\n".join(problems)
