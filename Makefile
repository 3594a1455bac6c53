# The two commands of the README, and the developer targets around them.
SWIFT ?= swift
AS_OF ?=
LEADS = .build/debug/leads

.PHONY: report test build lint clean fuzz sanitize bench install install-files uninstall manual

## Render the sample content/ to output/ (installs libcmark-dev when missing).
report:
	@scripts/ensure-deps
	$(SWIFT) build --product leads
	$(LEADS) build --content content --templates templates --output output --no-git $(if $(AS_OF),--as-of $(AS_OF))

## Run every test: the style lint, Swift unit and end-to-end tests, the browser, HTML and accessibility checks,
## and the language server's protocol tests and Neovim client.
test:
	@scripts/ensure-deps --test
	$(SWIFT) format lint --strict --recursive Sources Tests Plugins Package.swift
	$(SWIFT) build --build-tests
	$(MAKE) --no-print-directory manual CONFIGURATION=debug
	$(SWIFT) test --skip-build
	python3 -m pytest -q Tests/Browser
	python3 -m pytest -q Tests/LanguageServer

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
	$(SWIFT) format lint --strict --recursive Sources Tests Plugins Package.swift

clean:
	rm -rf .build .build-* output test-artifacts

## Install leads, its man page and its bash, zsh and fish completions under PREFIX (default /usr/local).
PREFIX ?= /usr/local
CONFIGURATION ?= release
MANUAL = .build/plugins/GenerateManual/outputs/leads/leads.1
install:
	@scripts/ensure-deps
	$(SWIFT) build -c $(CONFIGURATION) --product leads
	$(MAKE) --no-print-directory manual install-files

## The man page, made by swift-argument-parser's generate-manual plugin from the commands' help.
manual:
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --configuration $(CONFIGURATION) >/dev/null

## Copy an already built leads (CONFIGURATION) and its man page under PREFIX; write the completions.
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/$(CONFIGURATION)/leads $(DESTDIR)$(PREFIX)/bin/leads
	install -m 644 $(MANUAL) $(DESTDIR)$(PREFIX)/share/man/man1/leads.1
	.build/$(CONFIGURATION)/leads --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/leads
	.build/$(CONFIGURATION)/leads --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_leads
	.build/$(CONFIGURATION)/leads --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/leads.fish
	@echo "installed $(DESTDIR)$(PREFIX)/bin/leads ($$($(DESTDIR)$(PREFIX)/bin/leads --version))"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/leads $(DESTDIR)$(PREFIX)/share/man/man1/leads.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/leads $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_leads \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/leads.fish
