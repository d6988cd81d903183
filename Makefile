# Reuring: `make run` serves the demo site, `make test` runs the whole suite.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# The first Python on PATH that is 3.12 or newer (pyenv honours .python-version).
PYTHON ?= $(shell for candidate in python python3.13 python3.12 python3; do \
	command -v $$candidate >/dev/null 2>&1 && \
	$$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && \
	{ echo $$candidate; break; }; done)

.PHONY: install run serve test lint check-deploy clean bench bench-inprocess bench-search validate-html

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@if [ -z "$(PYTHON)" ]; then \
		echo "No Python 3.12 or newer found. Install Python 3.13, or run:"; \
		echo "  PYTHON=/path/to/python3.13 make run"; \
		exit 1; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	@touch $(STAMP)

var:
	@mkdir -p var

# The address printed and put in mails is the one served: HOST and PORT (a server on every
# interface, 0.0.0.0, is reached on 127.0.0.1), unless REURING_SITE_URL says otherwise.
SITE_HOST := $(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST))
run: export REURING_SITE_URL ?= http://$(SITE_HOST):$(PORT)

# The task worker (mail about comments and reviews) runs next to the server and stops with it.
run: install var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --if-empty
	@# Renditions a newer version makes (a new format, the focal-point crops) for older pictures.
	$(PY) manage.py generateimages > /dev/null
	@$(PY) manage.py db_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	echo "Task worker started (pid $$worker); it stops when the server stops."; \
	echo "The site: $$REURING_SITE_URL/ (admin: $$REURING_SITE_URL/admin/)"; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production settings: migrate, collectstatic, gunicorn (2 x CPU cores + 1 workers) and the
# task worker beside it; a secret key is generated once into var/ (see deploy/serve.py).
serve: install var
	$(PY) deploy/serve.py --host $(HOST) --port $(PORT)

test: install var
	$(PY) -m pytest $(PYTEST_ARGS)

# ruff, ruff format, django-upgrade and djade through pre-commit (see .pre-commit-config.yaml),
# then the layers contract, the types and the migrations.
lint: install var
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/pre-commit run --all-files --show-diff-on-failure
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(PY) manage.py makemigrations --check --dry-run

# Production settings must pass Django's deployment checklist.
check-deploy: install
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
	DJANGO_ALLOWED_HOSTS=example.org $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var test-output staticfiles

# The article page, home, Nieuws and a static file over HTTP through gunicorn with production
# settings, as ratios to a bare Django view (see bench/http_pages.py; ARGS=--scale for 10x).
# Needs wrk (Debian package `wrk`): installed with apt-get when missing and run as root.
bench: install
	$(PY) bench/http_pages.py $(ARGS)

# The same pages in-process through Django's test client, page cache off and on (bench/pages.py).
bench-inprocess: install
	$(PY) bench/pages.py

# Site search at 1x and 10x the demo content, against the bare view (see bench/search.py).
bench-search: install
	$(PY) bench/search.py

# Every public page of the demo site through the W3C Nu HTML Checker (vnu-jar from npm,
# run with Java 17+); fails on any error. See tests/html/test_valid_html.py.
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $(VNU_JAR)

validate-html: install var $(VNU_JAR)
	$(PY) -m pytest -m html_validation tests/html
