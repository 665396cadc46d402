# vodhook: the targets people expect. `make help` lists them.
SWIFT ?= swift
PREFIX ?= /usr/local
CONFIG_RELEASE = -c release --static-swift-stdlib
RELEASE_BIN = .build/release/vodhook

.PHONY: help build test release install demo bench fuzz stress clean

help:
	@echo "make build      debug build"
	@echo "make test       the whole test suite (what CI runs)"
	@echo "make release    optimized build, Swift runtime linked statically"
	@echo "make install    install the release binary into PREFIX/bin (PREFIX=$(PREFIX))"
	@echo "make demo       run vodhook on the bundled Examples/"
	@echo "make bench      throughput and start-up benchmark (see BENCHMARKS.md)"
	@echo "make fuzz       libFuzzer on the reader and the check pipeline (FUZZ_SECONDS=...)"
	@echo "make stress     large and hostile inputs, with counts, exit codes and memory checked"
	@echo "make clean      remove build products"

build:
	$(SWIFT) build

test:
	$(SWIFT) test

release:
	$(SWIFT) build $(CONFIG_RELEASE)

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 $(RELEASE_BIN) "$(DESTDIR)$(PREFIX)/bin/vodhook"

# The examples include one payload per rule, so check exits 1 here by design.
demo: build
	-.build/debug/vodhook check Examples/
	-.build/debug/vodhook check Examples/captured-log.ndjson --format json

# Python 3 generates the corpus and times the runs; BENCH_DOCS=20000 for a quick one.
bench:
	SWIFT=$(SWIFT) Benchmarks/bench.sh

clean:
	$(SWIFT) package clean
	rm -rf .build
