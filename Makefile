# The two newcomer commands are `make run` and `make test`; both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check --quiet
# Debian libraries Qt needs to start (offscreen included) on a bare machine.
QT_DEBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0

.PHONY: run test lint bench qt-deps clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

# Stamps re-install only when the project metadata changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.installed

qt-deps: | $(PY)
	@if ! QT_QPA_PLATFORM=offscreen $(PY) -c "from PySide6.QtGui import QGuiApplication" >/dev/null 2>&1; then \
	  echo "Installing the system libraries Qt needs: $(QT_DEBS)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(QT_DEBS); \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $(QT_DEBS); fi; \
	fi

run: $(VENV)/.installed qt-deps
	$(VENV)/bin/upwardprep $(ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check upwardprep tests
	$(VENV)/bin/ruff format --check upwardprep tests
	$(VENV)/bin/mypy

test: $(VENV)/.installed-test qt-deps lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q

bench: $(VENV)/.installed-test qt-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache
