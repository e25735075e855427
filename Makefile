# The two set-up commands: `make demo` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED ?= ../shared/seed/koreakrieg.de.txt
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PAGE ?= bench/out/koreakrieg.html

.PHONY: demo test lint typecheck venv browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[store,api,dask]'
	touch $(STAMP)

# the test tools, spaCy for the component's tests, the corpus store, its HTTP API and Dask
# engine (optional extras)
$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,spacy,store,api,dask]'
	touch $(TEST_STAMP)

venv: $(STAMP)

# The main job on the demo document: its timeline in the terminal, then the page.
demo: $(STAMP)
	$(BIN)/chronist extract $(SEED)
	$(BIN)/chronist report $(SEED) -o $(PAGE)

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

# Debian's Chromium for the page's browser tests (Playwright drives it; nothing is downloaded)
browser: $(TEST_STAMP)
	bash .ci/setup-browser.sh $(VENV)

test: $(TEST_STAMP) browser
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) build *.egg-info

# Evaluation and benchmark (bench/README.md). HeidelTime lives in its own venv,
# bench/.venv-heideltime, and is never a dependency of chronist.
WIKIWARSDE ?= ../shared/data/WikiWarsDE-dev
WIKIWARS_EN ?= ../shared/data/WikiWars-en/WikiWars_20120218_v104
TEMPEVAL3 ?= ../shared/data/TempEval3-TBAQ-cleaned

.PHONY: bench eval

bench: $(TEST_STAMP)
	bench/setup_heideltime.sh
	$(BIN)/python bench/throughput.py $(WIKIWARSDE) --heideltime both

eval: $(TEST_STAMP)
	bench/setup_heideltime.sh
	test -f bench/results/heideltime/timing.json || \
		$(BIN)/python bench/heideltime_run.py $(WIKIWARSDE) bench/results/heideltime
	$(BIN)/chronist eval $(WIKIWARSDE) --peer bench/results/heideltime --errors 3 \
		| tee bench/results/eval-wikiwarsde-dev.txt
	for split in dev test; do \
		test -f bench/results/heideltime-news-de-$$split/timing.json || \
			$(BIN)/python bench/heideltime_run.py bench/news_de/timeml/$$split \
				bench/results/heideltime-news-de-$$split --type news; \
		$(BIN)/chronist eval bench/news_de/timeml/$$split --kind news \
			--peer bench/results/heideltime-news-de-$$split --errors 3 \
			| tee bench/results/eval-news-de-$$split.txt; \
	done
	$(BIN)/python bench/news_de/build.py bench/demo_de --texts $(dir $(SEED))
	test -f bench/results/heideltime-demo-de/timing.json || \
		$(BIN)/python bench/heideltime_run.py bench/demo_de/timeml/demo bench/results/heideltime-demo-de
	$(BIN)/chronist eval bench/demo_de/timeml/demo --kind narrative \
		--peer bench/results/heideltime-demo-de --errors 20 | tee bench/results/eval-demo-de.txt
	test -f bench/results/heideltime-wikiwars-en/timing.json || \
		$(BIN)/python bench/heideltime_run.py $(WIKIWARS_EN) bench/results/heideltime-wikiwars-en \
			--language english
	$(BIN)/chronist eval $(WIKIWARS_EN) --lang en --kind narrative \
		--peer bench/results/heideltime-wikiwars-en --errors 3 | tee bench/results/eval-wikiwars-en.txt
	for corpus in TimeBank AQUAINT; do \
		out=bench/results/heideltime-$$(echo $$corpus | tr A-Z a-z); \
		test -f $$out/timing.json || $(BIN)/python bench/heideltime_run.py \
			$(TEMPEVAL3)/$$corpus $$out --language english --type news; \
		$(BIN)/chronist eval $(TEMPEVAL3)/$$corpus --lang en --kind news --peer $$out --errors 3 \
			| tee bench/results/eval-$$(echo $$corpus | tr A-Z a-z).txt; \
	done
