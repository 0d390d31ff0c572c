# One obvious way to run everything. `make demo` and `make test` each do the whole set-up first.
PY      := .venv/bin/python
ASHYQ   := .venv/bin/ashyq
PYTEST  := .venv/bin/pytest
# the suite spread over the cores, each test file whole on one worker (its module fixtures are set up
# once; a session fixture once per worker), handed out in the order tests/conftest.py gives them (the
# files with slow tests first; xdist's own order, most tests first, left the long files for last, one
# worker finishing them alone for minutes); two workers more than the cores: with the headless shell
# the suite no longer keeps two cores busy alone (two workers: 16 min 30 s, the cores busy 79 % of it;
# three: 14 min 10 s, busy 94 %, the same CPU time), and since the suite grew its tests wait more (on
# servers, timers, browsers: 1,523 CPU-s measured inside 3,243 worker-s of tests), so a fourth worker
# fills the waits (three workers, fresh-clone CI: 17 min 10 s to 18 min 27 s; four: 16 min 49 s with
# the machine busy with other work too). Six are worse: 24 min 50 s against 18 min 10 s for four in the same hour,
# their processes' CPU 2,294 s against 1,641 s (contention: timers and watches run longer, the browsers draw more);
# about half of a browser file's CPU is Chromium's, outside the test process's own tree. WORKERS=0 runs it in
# one process.
WORKERS ?= $(shell echo $$(( $$(nproc) + 2 )))
SPREAD  := $(if $(filter 0,$(WORKERS)),-p no:xdist,-n $(WORKERS) --dist loadfile --no-loadscope-reorder)

.PHONY: setup demo test test-fast test-cpu bench lint accuracy clean

setup:                ## Debian packages, .venv, the project with its extras, axe-core (idempotent)
	@bash scripts/setup.sh

demo: setup           ## the whole job on the replica world; everything lands under ./out/
	$(ASHYQ) demo

test: setup           ## the full suite, browser and database tests included; ends with the 25 slowest tests
	$(PYTEST) -q $(SPREAD) --durations=25

test-fast: setup      ## everything but the slow, browser, PostgreSQL and Redis tests
	$(PYTEST) -q $(SPREAD) -m "not slow and not browser and not postgres and not redis"

test-cpu: setup       ## the full suite, each test's CPU (its whole process tree) recorded; then the files by CPU
	rm -rf .suite-cpu
	PYTHONPATH=scripts $(PYTEST) -q $(SPREAD) -p suite_cpu; status=$$?; $(PY) scripts/suite_cpu.py report; exit $$status

bench: setup          ## benchmarks printing ratios against a peer measured in the same run
	$(PY) -m benchmarks

lint: setup           ## ruff and mypy
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy -p ashyq -p ashyq_replica
	.venv/bin/lint-imports

# ACT_RULES: a checkout of w3c/wcag-act-rules kept outside the repository (docs/accuracy.md); without it
# the ACT report shows the recorded first-seen figures only.
ACT_RULES ?=

accuracy: setup       ## outside sites (first-seen beside current), the ACT report, the wording corpus, the replica plumbing check
	$(ASHYQ) accuracy outside
	$(ASHYQ) accuracy act $(ACT_RULES)
	$(ASHYQ) accuracy wording
	$(ASHYQ) accuracy replica

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache .suite-cpu
