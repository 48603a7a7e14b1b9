VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: install test lint format serve ingest score score-heldout bench clean

install:
	python3 -m venv $(VENV) && $(VENV)/bin/pip install -q -e '.[test]'

test:
	$(VENV)/bin/pytest -q

lint:
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format:
	$(VENV)/bin/ruff check --fix . && $(VENV)/bin/ruff format .

ingest:
	$(VENV)/bin/peacekg ingest seeds/

serve: ingest
	$(VENV)/bin/peacekg serve

score:
	$(VENV)/bin/peacekg export --format trig -o export.trig
	$(PY) ../shared/eval/score.py --graph export.trig --gold ../shared/eval/dev --verbose

score-heldout:
	rm -rf build/heldout-store && PEACEKG_STORE=build/heldout-store $(VENV)/bin/peacekg ingest eval/heldout/
	PEACEKG_STORE=build/heldout-store $(VENV)/bin/peacekg export --format trig -o build/heldout.trig
	$(PY) ../shared/eval/score.py --graph build/heldout.trig --gold eval/heldout --verbose

bench:
	$(PY) -m bench

clean:
	rm -rf build dist *.egg-info export.trig .pytest_cache .ruff_cache
