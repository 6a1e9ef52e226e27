# Set-up is part of every target: a fresh Debian/Ubuntu clone needs only python3 and make
# (.ci/system-deps installs the system packages Qt and the tests need, with sudo if not root).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshots dist clean

$(PY):
	@bash .ci/system-deps
	@$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian/Ubuntu run 'sudo apt-get install python3-venv'"; exit 1; }

$(STAMP): $(PY) pyproject.toml
	@bash .ci/system-deps
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Without a display, one line of advice instead of Qt's abort (and no make error banner).
run: $(STAMP)
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
		echo "No display found: run 'make run' from a desktop session (or set QT_QPA_PLATFORM=offscreen)."; \
	else \
		$(VENV)/bin/roadmap-planner $(ARGS); \
	fi

lint: $(STAMP)
	$(VENV)/bin/ruff check roadmap_app tests benchmarks packaging resources/templates/source
	$(VENV)/bin/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	@command -v dot >/dev/null || { apt-get install -y -qq graphviz >/dev/null 2>&1 || echo "Graphviz 'dot' is missing: install it with 'sudo apt-get install graphviz' (the comparison is reported as skipped)."; }
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.run

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m roadmap_app.ui.window.screenshots docs/screenshots

dist: $(STAMP)
	$(PY) -m pip install --quiet -e '.[dist]'
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build packaging/roadmap-planner.spec

clean:
	rm -rf build dist .pytest_cache .ruff_cache
