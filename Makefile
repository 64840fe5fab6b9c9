# Two commands matter: `make demo` (the main job) and `make test` (the whole suite, real Kafka).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: install demo up test unit compose-test proto proto-baseline lint clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m shared.kafka_runner --fetch-only
	touch $@

install: $(INSTALLED)

demo: install
	$(VENV)/bin/claimcheck demo

up: install
	$(VENV)/bin/claimcheck up

test: install
	@start=$$(date +%s); \
	$(PY) -m pytest -ra $(PYTEST_ARGS); status=$$?; \
	echo "make test took $$(( $$(date +%s) - start ))s"; exit $$status

unit: install
	$(PY) -m pytest -ra -m "not integration" $(PYTEST_ARGS)

proto: install
	$(PY) -m shared.protogen

lint: install
	cd protos && ../$(VENV)/bin/buf lint && ../$(VENV)/bin/buf breaking . --against baseline/claimcheck-v1.json
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

compose-test: install  # the docker-compose stack run for real, offline (root; see deploy/compose/README.md)
	PYTHON=$(PY) bash deploy/compose/compose-test.sh

proto-baseline: install  # on an API release: what later changes must stay compatible with
	cd protos && ../$(VENV)/bin/buf build -o baseline/claimcheck-v1.json

clean:
	rm -rf $(VENV) .pytest_cache
