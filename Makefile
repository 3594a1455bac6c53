# The two commands of the README, and the developer targets around them.
SWIFT ?= swift
AS_OF ?=
LEADS = .build/debug/leads

.PHONY: report test build lint clean

## Render the sample content/ to output/ (installs libcmark-dev when missing).
report:
	@scripts/ensure-deps
	$(SWIFT) build --product leads
	$(LEADS) build --content content --templates templates --output output $(if $(AS_OF),--as-of $(AS_OF))

## Run every test: Swift unit and end-to-end tests, then the browser, HTML and accessibility checks.
test:
	@scripts/ensure-deps --test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 -m pytest -q Tests/Browser

build:
	@scripts/ensure-deps
	$(SWIFT) build

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build output test-artifacts
