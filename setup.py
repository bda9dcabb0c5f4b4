"""Builds the dilemma Python package by driving CMake (no scikit-build on Debian).

The compiled module and the `dilemma` command-line tool come from the CMake
build directory (DILEMMA_BUILD_DIR, default build/release), so `make` and
`pip install .` share one build.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).parent.resolve()
CLI_STAGING = Path("build") / "cli-staging"  # relative: data_files needs it so


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = Path(os.environ.get("DILEMMA_BUILD_DIR", ROOT / "build" / "release"))
        if not (build_dir / "CMakeCache.txt").exists():
            python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
            subprocess.check_call(["cmake", "-S", str(ROOT), "-B", str(build_dir),
                                   "-DCMAKE_BUILD_TYPE=Release", f"-DPython_EXECUTABLE={python}"])
        subprocess.check_call(["cmake", "--build", str(build_dir), "--target", "_core",
                               "dilemma_cli", "--parallel", "2"])
        module = next((build_dir / "python" / "dilemma").glob("_core*.so"))
        destination = Path(self.get_ext_fullpath(ext.name))
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(module, destination)
        staging = ROOT / CLI_STAGING
        staging.mkdir(parents=True, exist_ok=True)
        shutil.copy2(build_dir / "dilemma", staging / "dilemma")


setup(
    name="dilemma",
    version=(ROOT / "VERSION").read_text().strip(),
    description="Game theory for n-player and anonymous games: equilibria, dominance, "
                "payoff invariance",
    license="MIT",
    python_requires=">=3.8",
    install_requires=["numpy"],
    package_dir={"": "python"},
    packages=["dilemma"],
    package_data={"dilemma": ["py.typed", "*.pyi"]},
    ext_modules=[CMakeExtension("dilemma._core")],
    cmdclass={"build_ext": CMakeBuild},
    data_files=[("bin", [str(CLI_STAGING / "dilemma")])],
    zip_safe=False,
)
