# Two entry points: `make demo` and `make test`. Each builds .venv from nothing when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck docs clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/storyline --db demo.db demo

test: $(STAMP) chromium
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The browser test drives Debian's chromium (never `playwright install`).
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "chromium missing: run apt-get install chromium as root" >&2; exit 1; fi; \
	  $$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends chromium; }

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

# docs/cli.md is generated from the commands' --help (tests/test_docs.py checks it)
docs: $(STAMP)
	$(BIN)/python tests/test_docs.py --write

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm
