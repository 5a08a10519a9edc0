# Counter: set-up and checks. `make run` launches the app, `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
XVFB := $(if $(DISPLAY),,xvfb-run -a)

# Debian packages: what Qt needs to open a window, and what the tests talk to.
APT_RUN := libglib2.0-0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfreetype6 libfontconfig1 \
	libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 fonts-dejavu-core libcups2
# poppler-utils reads PDFs back; CUPS with cups-pdf is the tests' printer; SoftHSM2 + opensc their USB
# token; SANE's `test` device their scanner; Tesseract with Vietnamese data the optional OCR layer;
# Chromium the browser that drives the hub's web pages (through Playwright, never its own browser download);
# gnome-keyring under dbus-run-session the OS keyring (Secret Service) that holds the data key.
APT_TEST := $(APT_RUN) postgresql postgresql-contrib sqlite3 poppler-utils cups cups-client cups-bsd \
	printer-driver-cups-pdf xvfb xauth softhsm2 opensc sane-utils libsane1 \
	tesseract-ocr tesseract-ocr-vie chromium desktop-file-utils gnome-keyring dbus-daemon
# What `make dist` uses: binutils (PyInstaller reads and strips libraries with it), gcc (the trimmed ICU data
# library), icu-devtools (its icupkg, resources/packaging/icu_trim.py), Xvfb for the start-up timing.
APT_DIST := $(APT_RUN) binutils gcc libc6-dev icu-devtools xvfb xauth

.PHONY: run test check lint typecheck pytest apt-run apt-test apt-dist dist dist-check

run: apt-run $(VENV)/.installed
	$(VENV)/bin/counter-app

test: apt-test $(VENV)/.installed-test check dist-check

check: lint typecheck pytest

lint:
	$(VENV)/bin/ruff check .

typecheck:
	$(VENV)/bin/mypy

pytest:
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -n 2 --ignore=tests/package

# The app's version, from the one place it is written (pyproject.toml reads it from there too).
VERSION := $(shell sed -n 's/^__version__ = "\([^"]*\)".*/\1/p' counter_app/__init__.py)

# The packaged app (PyInstaller one folder, dist/Counter/); prints the size and start-up budgets. Then the launcher
# (dist/launcher/), the install folder (dist/install/Counter/: launcher, versions/<X>/, current, install.sh, menu
# entry and icon) packed as what a Linux PC installs (dist/counter-<X>-linux-x86_64-setup.tar.gz), and the update
# package to sign and publish (dist/Counter-<X>-linux-x86_64.tar.gz; README "Updates").
# PyInstaller keeps its analysis in build/pyinstaller/ and its binary cache in ~/.cache/pyinstaller/: a second
# build takes a fraction of the first.
dist: apt-dist $(VENV)/.installed-dist
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		resources/packaging/counter.spec
	$(XVFB) $(PY) resources/packaging/finish_linux.py $(DIST_OPTIONS)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/launcher \
		resources/packaging/launcher.spec
	$(PY) resources/packaging/install_layout.py install --version $(VERSION) --out dist/install --setup-tarball dist
	$(PY) resources/packaging/install_layout.py package --version $(VERSION) --out dist

# The frozen build checked as a user meets it: --self-test under Xvfb, a printed slip 01 whose barcode decodes (in
# a plain and an encrypted folder); the setup tarball installed by its install.sh, updated and rolled back.
dist-check: apt-test $(VENV)/.installed-test
	$(MAKE) dist
	COUNTER_DIST=dist/Counter $(VENV)/bin/pytest -q tests/package

# counter_app/__init__.py holds the version the installed package's metadata carries.
$(VENV)/.installed: pyproject.toml counter_app/__init__.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-dist: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[dist]'
	touch $@

apt-run:
	@$(call apt_ensure,$(APT_RUN))

apt-test:
	@$(call apt_ensure,$(APT_TEST))

apt-dist:
	@$(call apt_ensure,$(APT_DIST))

# Installs the listed Debian packages that are not installed yet (root, or sudo when available).
define apt_ensure
missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; done; \
if [ -n "$$missing" ]; then \
  echo "Installing Debian packages:$$missing"; \
  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
fi
endef
