# Reprise: `make report` and `make test` are all a new user needs.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

REPRISE := .build/release/reprise
# Results that depend on summation order are keyed by the BLAS thread count; pin it.
THREADS ?= 2

.PHONY: setup build report test bench clean

setup:
	@scripts/setup

build: setup
	swift build -c release --product reprise

report: build
	$(REPRISE) fetch
	OPENBLAS_NUM_THREADS=$(THREADS) $(REPRISE) render reports/thesis.md --out public
	OPENBLAS_NUM_THREADS=$(THREADS) $(REPRISE) render reports/example.md --out public

test: setup
	OPENBLAS_NUM_THREADS=1 swift test --disable-xctest

bench: build
	OPENBLAS_NUM_THREADS=$(THREADS) $(REPRISE) bench render --report reports/example.md
	$(REPRISE) bench data
	OPENBLAS_NUM_THREADS=$(THREADS) $(REPRISE) bench encoders

clean:
	rm -rf .build public .reprise
