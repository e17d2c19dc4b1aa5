# Two commands work on a fresh machine with Python 3.11+ and make:
#   make run    set up, clean seeds/ into out/, check out/
#   make test   set up, run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
IN ?= seeds
OUT ?= out
FORMAT ?= parquet
DATA ?= ../shared/bench/wcxb-dev

.PHONY: setup run test tidy check lint bench train clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("cleaner needs Python 3.11 or newer" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	rm -rf $(OUT)
	$(BIN)/cleaner clean $(IN) -o $(OUT) --format $(FORMAT)
	$(BIN)/cleaner check $(OUT)

test: setup
	$(BIN)/python -m pytest -q

tidy: setup
	$(BIN)/cleaner clean $(IN) -o $(OUT) --format $(FORMAT)

check: setup
	$(BIN)/cleaner check $(OUT)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check cleaner tests bench

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[converters]'
	$(BIN)/python bench/run_bench.py --data $(DATA)
	$(BIN)/python bench/other_converters.py --data $(DATA)
	$(BIN)/python bench/eval_kinds.py --data $(DATA)
	$(BIN)/python bench/date_ceiling.py --data $(DATA)
	$(BIN)/python bench/pathological.py

# Retrain the shipped models from the dev set (CatBoost; about 25 minutes).
train: setup
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python -m bench.train_text_lines $(DATA)
	$(BIN)/python -m bench.train_text_title --data $(DATA)
	$(BIN)/python -m bench.train_fields --data $(DATA)
	$(BIN)/python -m bench.train_html_blocks --data $(DATA)

clean:
	rm -rf $(VENV) $(OUT) build dist *.egg-info
