# Set-up is two commands: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STDRAFT := $(VENV)/bin/stdraft
STAMP := $(VENV)/.installed
PUBLIC_CORPUS ?= $(wildcard ../shared/corpus/public)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install sysdeps run index serve test bench eval render lint clean

# torch first, pinned: 2.13.0 is a CPU build that pip takes from local disk here; an unpinned torch
# pulled in by sentence-transformers would download a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests use to render .docx to PDF/PNG, to drive a real browser, and to run the
# store against a throwaway PostgreSQL server.
sysdeps:
	@missing=""; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	fc-list 2>/dev/null | grep -qi "noto sans cjk\|noto serif cjk" || missing="$$missing fonts-noto-cjk"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

index: install
	$(STDRAFT) ingest corpus/standards $(PUBLIC_CORPUS)

run: index
	$(STDRAFT) serve

test: install sysdeps
	$(PY) -m pytest -q -p no:cacheprovider -n 2 --timeout 900

bench: install sysdeps
	$(PY) benchmarks/run_all.py --out benchmarks/results

eval: install
	$(PY) evals/run_all.py $(EVALS)

# PNGs of the cover, contents and first body pages of every sample, for people to look at
render: install sysdeps
	$(PY) -m assistant.export.render --out build/render

lint: install
	$(VENV)/bin/ruff check assistant retrieval tests evals benchmarks
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) data .pytest_cache
