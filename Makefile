# Wraps the build steps; the README's two commands are `make demo` and `make test`.
PYTHON_SYSTEM := /usr/bin/python3
BUILD_DIR     := build/release
VENV          := .venv
APT_PACKAGES  := build-essential cmake libeigen3-dev libboost-dev pybind11-dev doctest-dev \
                 python3-dev python3-venv python3-pip python3-setuptools python3-wheel \
                 python3-numpy python3-pytest python3-hypothesis python3-matplotlib python3-nbclient python3-nbformat \
                 python3-ipykernel python3-dask python3-distributed python3-pandas mypy lrslib
SUDO          := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test deps build venv cpp-test py-test bench clean

demo: venv
	MPLBACKEND=Agg $(VENV)/bin/python examples/payoff_invariance.py --output-dir output

test: venv cpp-test py-test

# Installs only the Debian packages that are missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

build: deps
	cmake --preset release
	cmake --build --preset release

venv: build
	[ -x $(VENV)/bin/python ] || $(PYTHON_SYSTEM) -m venv --system-site-packages $(VENV)
	$(VENV)/bin/python -m pip install --quiet --no-build-isolation --no-index --no-deps .
	$(VENV)/bin/python -m ipykernel install --user --name dilemma --display-name "Python (dilemma)" >/dev/null

cpp-test: build
	ctest --preset release

py-test: venv
	DILEMMA_CLI=$(CURDIR)/$(VENV)/bin/dilemma MPLBACKEND=Agg $(VENV)/bin/python -m pytest -q tests/python

bench: venv
	$(VENV)/bin/python benchmarks/run.py

clean:
	rm -rf build $(VENV) python/*.egg-info output
