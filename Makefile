# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
# `make test` installs and runs pytest only: pytest-django builds its own test
# databases, and the developer's db.sqlite3 is left as it is.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Development defaults; override them in the environment for production.
export DJANGO_DEBUG ?= 1

.PHONY: run serve test lint data clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

data: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_states
	$(BIN)/python manage.py create_editors_group
	$(BIN)/python manage.py load_fixtures fixtures/*.yaml

run: data
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production-like: DEBUG off, collected static files served by whitenoise, gunicorn
# (gunicorn.conf.py). Set DJANGO_SECRET_KEY to keep sessions across restarts.
# Plain HTTP here: in production, TLS ends at a proxy and DJANGO_SECURE_SSL_REDIRECT=1.
serve: data
	DJANGO_DEBUG=0 HOST=$(HOST) PORT=$(PORT) \
	DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-0}" \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
	sh -c '$(BIN)/python manage.py collectstatic --noinput --verbosity 0 && exec $(BIN)/gunicorn -c gunicorn.conf.py'

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3
