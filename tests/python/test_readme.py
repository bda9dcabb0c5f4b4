"""The README's Python examples run as written (the C++ one is built and run by ctest)."""
from pathlib import Path

from test_docs import run_python_blocks

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_python_example_runs(tmp_path, monkeypatch):
    run_python_blocks(README, tmp_path, monkeypatch)
