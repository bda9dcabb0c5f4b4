"""The README's Python example runs as written."""
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_python_example_runs(tmp_path, monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    assert blocks, "README has no Python example"
    monkeypatch.chdir(tmp_path)  # the example writes a file
    namespace = {}  # the blocks build on each other, as a reader runs them
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)
