"""The examples run as a user runs them: the main job script and the notebook."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_main_job_reproduces_the_argument(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "payoff_invariance.py"), "--output-dir", str(tmp_path),
         "--large-n", "60"],
        capture_output=True, text=True, check=True, env={**os.environ, "MPLBACKEND": "Agg"},
    )
    out = result.stdout
    assert "== invariant_purge, n = 5" in out and "== ordered_leniency, n = 60" in out
    assert "pure equilibria: 243 of 243 profiles (21 of 21 count classes), strict: 0" in out
    assert "cost of the false hope: 0 to 4 per person" in out  # up to eta (n - 1) at n = 5
    assert "cost of the false hope: 0 to 59 per person" in out
    for preset in ("invariant_purge", "leniency_for_naming"):
        png = tmp_path / f"schelling_{preset}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


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
