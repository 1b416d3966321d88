# The two newcomer commands are `make run` and `make test`; both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check --quiet
# Debian libraries Qt needs to start (offscreen included) on a bare machine.
QT_DEBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
# Debian tools a test runs on packaging/linux/ (desktop-file-validate, appstreamcli).
DESKTOP_DEBS := desktop-file-utils appstream
# The crash points of `make faults` are injected with strace.
FAULT_DEBS := strace
# Libraries Qt's xcb and Wayland plugins link to that a bare build machine may lack: present when
# PyInstaller runs, they are resolved, and the xcb ones go into the bundle (PyInstaller leaves
# the Wayland client libraries to the system).
DIST_DEBS := libxcb-icccm4 libxcb-keysyms1 libwayland-cursor0
# ... and an X server without a screen, for check_bundle.py to start the app on xcb as well.
DIST_DEBS += xvfb

.PHONY: run test style lint bench faults forms qt-deps desktop-deps fault-deps dist-deps dist install-desktop uninstall-desktop \
	clean

# The venv's own pip (Python 3.11 brings one that installs this project, editable included) is
# used as it is: upgrading it first cost a download and ~8 s on every fresh clone.
$(PY):
	$(PYTHON) -m venv $(VENV)

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

desktop-deps:
	@if ! command -v desktop-file-validate >/dev/null 2>&1 || ! command -v appstreamcli >/dev/null 2>&1; then \
	  echo "Installing the desktop-file validators: $(DESKTOP_DEBS)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(DESKTOP_DEBS); \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $(DESKTOP_DEBS); fi; \
	fi

fault-deps:
	@if ! command -v strace >/dev/null 2>&1; then \
	  echo "Installing the fault injector: $(FAULT_DEBS)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(FAULT_DEBS); \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $(FAULT_DEBS); fi; \
	fi

run: $(VENV)/.installed qt-deps
	$(VENV)/bin/upwardprep $(ARGS)

style: $(VENV)/.installed-test
	$(VENV)/bin/ruff check upwardprep tests
	$(VENV)/bin/ruff format --check upwardprep tests

lint: style
	$(VENV)/bin/mypy

# The same checks as `make lint`, but mypy (one process, ~35 s on a fresh clone) runs beside the
# tests instead of before them, on the core it would otherwise leave idle; its report follows the
# tests' and either failing fails the target. One pytest worker per core; a test module stays on
# one worker, so its shared fixtures are built once.
# The tests start a few dozen Python processes (workers, the date guard's reruns, the CLI's fork
# servers, app starts): where the environment says PYTHONDONTWRITEBYTECODE, each compiled the
# program and rewrote the test modules anew, ~4 s of CPU each. The test run lets Python cache
# them (in __pycache__, which git ignores and `make clean` removes).
test: $(VENV)/.installed-test qt-deps desktop-deps style
	@$(VENV)/bin/mypy > $(VENV)/mypy.log 2>&1 & types=$$!; \
	echo "QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -n auto --dist loadfile  (mypy beside it)"; \
	env -u PYTHONDONTWRITEBYTECODE QT_QPA_PLATFORM=offscreen \
	  $(VENV)/bin/pytest -q -n auto --dist loadfile; tests=$$?; \
	wait $$types; typed=$$?; echo "mypy:"; cat $(VENV)/mypy.log; \
	test $$tests -eq 0 && test $$typed -eq 0

bench: $(VENV)/.installed-test qt-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench $(BENCH)

# Issue 18's crash points: every command that replaces a file is killed before each rename,
# unlink, fsync and link it makes (strace's fault injection), then checked. Long (hundreds of
# command runs); FAULT_STRIDE=N kills at every Nth point only.
faults: $(VENV)/.installed-test qt-deps fault-deps
	UPWARDPREP_FAULT_STRIDE=$(or $(FAULT_STRIDE),1) QT_QPA_PLATFORM=offscreen \
	  $(VENV)/bin/pytest -q -s -p no:randomly tests/faults

# The Python forms from the Qt Designer files: ui/<name>.ui -> upwardprep/gui/forms/ui_<name>.py
# (pyside6-uic; a test fails when one is stale).
forms: $(VENV)/.installed
	$(PY) tools/forms.py

dist-deps:
	@missing=""; for deb in $(DIST_DEBS); do \
	  dpkg-query -W -f='$${Status}' $$deb 2>/dev/null | grep -q "ok installed" || missing="$$missing $$deb"; \
	done; \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing the libraries the bundle carries:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing; fi; \
	fi

$(VENV)/.installed-dist: pyproject.toml | $(PY)
	$(PIP) install -e '.[dist]'
	touch $@ $(VENV)/.installed

# The one-folder app in dist/upwardprep/ (PyInstaller, packaging/upwardprep.spec), then checked:
# --version, self-test from outside the checkout, the GUI started offscreen, its size.
dist: $(VENV)/.installed-dist qt-deps dist-deps
	rm -rf dist/upwardprep build/pyinstaller
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/upwardprep.spec
	$(PY) packaging/check_bundle.py dist/upwardprep

# Menu entry, AppStream metainfo and icons for the current user (XDG folders; no root). With a
# built bundle (make dist) it is installed to ~/.local/lib/upwardprep; otherwise the menu entry
# starts this checkout's .venv/bin/upwardprep.
install-desktop:
	@if [ -x dist/upwardprep/upwardprep ]; then \
	  packaging/linux/install-desktop.sh --bundle dist/upwardprep; \
	else \
	  $(MAKE) --no-print-directory $(VENV)/.installed qt-deps && \
	  packaging/linux/install-desktop.sh --exec "$(CURDIR)/$(VENV)/bin/upwardprep"; \
	fi

uninstall-desktop:
	packaging/linux/install-desktop.sh --uninstall

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache
	find upwardprep tests tools packaging -name __pycache__ -type d -prune -exec rm -rf {} +
