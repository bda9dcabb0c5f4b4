"""The hand-written stubs (_core.pyi, __init__.pyi, results.pyi) checked by
Debian's mypy: against the compiled module (stubtest) and on typical user
code (mypy --strict)."""
import os
import subprocess
import sys
from pathlib import Path

import dilemma

HERE = Path(__file__).parent


def run_mypy_tool(*arguments, cwd):
    environment = dict(os.environ, PYTHONPATH=str(Path(dilemma.__file__).parent.parent))
    return subprocess.run([sys.executable, *arguments], capture_output=True, text=True, cwd=cwd,
                          env=environment, timeout=600)


def test_stubs_match_the_compiled_module(tmp_path):
    result = run_mypy_tool("-m", "mypy.stubtest", "dilemma._core", "--mypy-config-file", str(HERE / "typing" / "mypy.ini"),
                           "--allowlist", str(HERE / "typing" / "stubtest_allowlist.txt"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_typical_user_code_type_checks_strictly(tmp_path):
    result = run_mypy_tool("-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"),
                           str(HERE / "typing" / "usage.py"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_stub_classes_are_the_compiled_classes():
    """The allowlist above hides stubtest's metaclass complaint for every class
    (dilemma._core.[A-Z]*): so check here that the stub declares exactly the
    classes the compiled module has."""
    import ast
    from dilemma import _core
    stub = ast.parse((Path(dilemma.__file__).parent / "_core.pyi").read_text())
    declared = {node.name for node in stub.body if isinstance(node, ast.ClassDef) and not node.name.startswith("_")}
    compiled = {name for name, value in vars(_core).items() if isinstance(value, type) and not name.startswith("_")}
    assert declared - compiled == set(), "classes in the stub but not in _core"
    assert compiled - declared == set(), "classes in _core without a stub"
