"""The examples run as a user runs them: the main job script and the notebook."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import dilemma

ROOT = Path(__file__).resolve().parents[2]


def test_main_job_reproduces_the_argument(tmp_path):
    """The main job as `make demo` runs it (n = 5 and 1000), and the lines README.md quotes."""
    output = tmp_path
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "payoff_invariance.py"), "--output-dir", str(output)],
        capture_output=True, text=True, check=True, env={**os.environ, "MPLBACKEND": "Agg"},
    ).stdout
    blocks = out.split("\n\n")
    assert [b.splitlines()[0].split(":")[0] for b in blocks if b.startswith("== ")] == \
        ["== " + preset for preset in dilemma.confession_preset_names()]  # one block per preset
    purge = next(b for b in blocks if b.startswith("== invariant_purge:"))
    assert "   payoff-invariant: yes (one's own choice changes one's payoff by at most 0)" in purge.splitlines()
    assert "n = 5     pure equilibria: 243 of 243 profiles (21 of 21 count classes), strict: 0" in purge
    assert "n = 1000  pure equilibria: 10^477.1 of 10^477.1 profiles (501,501 of 501,501 count classes)" in purge
    assert "cost of the false hope: 0 to 4 per person" in out  # up to eta (n - 1)
    assert "cost of the false hope: 0 to 999 per person" in out
    lines = out.splitlines()
    for block in (b for b in blocks if b.startswith("== ")):  # nothing said twice in a block, no timers
        said = [line.split("  ")[-1].strip() for line in block.splitlines() if line.strip()]
        assert len(said) == len(set(said)), block
    assert not re.search(r"\(\d+ ms\)", out)
    table = lines.index(next(line for line in lines if line.startswith("preset ")))
    assert len(lines[table + 2:table + 18]) == 16 and all(
        line.split()[0] in dilemma.confession_preset_names() for line in lines[table + 2:table + 18])
    assert "hoped_leniency               1000  no (2)     1: (1000 name)" in out
    for preset in ("invariant_purge", "leniency_for_naming"):
        png = output / f"schelling_{preset}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    # README.md quotes the report as it prints
    readme = (ROOT / "README.md").read_text()
    quoted = re.search(r"Key lines\s+of its report:\n\n```text\n(.*?)```", readme, flags=re.S).group(1)
    for line in quoted.splitlines():
        if line.strip() != "...":
            assert line in lines, f"README.md quotes a line the main job does not print:\n{line}"


def test_main_job_help_points_at_the_model():
    result = subprocess.run([sys.executable, str(ROOT / "examples" / "payoff_invariance.py"), "--help"],
                            capture_output=True, text=True, check=True)
    assert "docs/model.md" in result.stdout and "MODEL.md" not in result.stdout


def test_quickstart_runs():
    subprocess.run([sys.executable, str(ROOT / "examples" / "quickstart.py")], check=True, capture_output=True,
                   cwd=ROOT)


def test_notebook_executes(monkeypatch):
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel inherits it; plots must render inline
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from jupyter_client.kernelspec import KernelSpecManager

    if "dilemma" not in KernelSpecManager().find_kernel_specs():
        pytest.fail("the 'dilemma' Jupyter kernel is not registered; run `make test` (it registers it)")
    notebook = nbformat.read(ROOT / "examples" / "payoff_invariance.ipynb", as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="dilemma",
                                     resources={"metadata": {"path": str(ROOT / "examples")}})
    client.execute()
    outputs = "".join(
        output.get("text", "") for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    )
    assert "payoff-invariant: yes" in outputs
    assert "cost of the false hope per person: from 0.0 to 4.0" in outputs
    images = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs
              if "image/png" in o.get("data", {})]
    assert len(images) >= 2
