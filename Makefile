# The two commands of the README, and the developer targets around them.
SWIFT ?= swift
AS_OF ?=
LEADS = .build/debug/leads

.PHONY: report test build lint clean fuzz sanitize bench

## Render the sample content/ to output/ (installs libcmark-dev when missing).
report:
	@scripts/ensure-deps
	$(SWIFT) build --product leads
	$(LEADS) build --content content --templates templates --output output $(if $(AS_OF),--as-of $(AS_OF))

## Run every test: the style lint, Swift unit and end-to-end tests, then the browser, HTML and accessibility checks.
test:
	@scripts/ensure-deps --test
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 -m pytest -q Tests/Browser

## Fuzz the whole check path with libFuzzer for FUZZ_SECONDS (default 120); crashes land in the regression fixtures.
FUZZ_SECONDS ?= 120
FUZZ_REGRESSIONS = Tests/LeadKitTests/Fixtures/fuzz-regressions
fuzz:
	@scripts/ensure-deps
	$(SWIFT) build --product LeadsFuzz --scratch-path .build-fuzz \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	scripts/fuzz-seeds .build-fuzz/corpus
	.build-fuzz/debug/LeadsFuzz .build-fuzz/corpus $(FUZZ_REGRESSIONS) -max_total_time=$(FUZZ_SECONDS) \
		-rss_limit_mb=4096 -timeout=20 -artifact_prefix=$(FUZZ_REGRESSIONS)/

## The Swift tests under AddressSanitizer, then ThreadSanitizer (for the parallel parse and render).
sanitize:
	@scripts/ensure-deps
	# LeakSanitizer is off: its only reports are Foundation's own buffers (file reads in the test helpers).
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

## The benchmark: 1k, 10k and 100k generated leads; leads check/build/rebuilds against Hugo (BENCH_SIZES to choose).
BENCH_SIZES ?= 1000 10000 100000
bench:
	@scripts/ensure-deps --bench
	python3 bench/run.py --sizes $(BENCH_SIZES)

build:
	@scripts/ensure-deps
	$(SWIFT) build

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build .build-* output test-artifacts
