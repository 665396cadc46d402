# vodhook: the targets people expect. `make help` lists them.
SWIFT ?= swift
PREFIX ?= /usr/local
# The Swift runtime is linked statically where the toolchain can (Linux); macOS ships it.
CONFIG_RELEASE = -c release $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib)
RELEASE_BIN = .build/release/vodhook
DEBUG_BIN = .build/debug/vodhook
# The binary that is installed and that writes the man page and completions;
# BIN=path/to/vodhook installs one built elsewhere, without a release build.
BIN ?= $(RELEASE_BIN)
GENERATED ?= .build/generated
DIST_DIR ?= dist
FUZZ_SECONDS ?= 180
STRESS_SCALE ?= full

BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
BASH_COMPLETIONS = $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS = $(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONS = $(PREFIX)/share/fish/vendor_completions.d
# The Markdown reference, laid out as in the sources so that README's links and
# every "docs/X.md" a help text names resolve.
DOCDIR = $(PREFIX)/share/doc/vodhook

.PHONY: help build test test-quick release man completions install dist docs pre-commit-check demo bench bench-instructions fuzz fuzz-smoke sanitize stress stress-small clean FORCE

help:
	@echo "make build      debug build"
	@echo "make test       the whole test suite (what CI runs)"
	@echo "make test-quick the suite without its slowest suites (SLOW_SUITES), for a check while working"
	@echo "make release    optimized build, Swift runtime linked statically on Linux"
	@echo "make man        the man page, vodhook.1, into $(GENERATED)"
	@echo "make completions  bash, zsh and fish completion scripts into $(GENERATED)/completions"
	@echo "make install    binary, man page, completions and the Markdown docs under PREFIX (PREFIX=$(PREFIX)); honours DESTDIR"
	@echo "make dist       release tarball (stripped binary, man page, completions, the docs, README and LICENSE at its top) and its SHA-256 in $(DIST_DIR)/"
	@echo "make docs       regenerate docs/commands.md, docs/rules.md and docs/events.md from the tool"
	@echo "make pre-commit-check  the .pre-commit-hooks.yaml hook on a fresh clone (needs pre-commit)"
	@echo "make demo       run vodhook on the bundled Examples/"
	@echo "make bench      throughput and start-up benchmark (see BENCHMARKS.md)"
	@echo "make bench-instructions  instructions per document of each command (callgrind; needs valgrind)"
	@echo "make fuzz       libFuzzer on the reader, the check pipeline and the command line, FUZZ_SECONDS each (default 180)"
	@echo "make fuzz-smoke the fuzzers for 10 seconds each"
	@echo "make sanitize   the suite under ThreadSanitizer, then AddressSanitizer, and the fuzz fixtures under ASan"
	@echo "make stress     large and hostile inputs, with counts, exit codes and memory checked"
	@echo "make stress-small  the same at a scale CI runs in under a minute"
	@echo "make clean      remove build products"

build:
	$(SWIFT) build

test:
	$(SWIFT) test

# The suites that take most of the suite's CPU time, measured one by one in
# docs/testing.md: large inputs, --jobs comparisons, the argument sweep, the
# processes of listen and the documented shell recipes.
SLOW_SUITES ?= PipeReadingTests|LargeInputTests|ArgumentSweepTests|GzipReadingTests|JSONWriterPropertyTests|ListenAttackTests|SummaryMergeTests|TerminalSafetyTests|EventCatalogTests|ReportFormatTests|ParallelReadingTests|LifecycleTests|ScaleRecipeTests|ReceiverDocTests

test-quick:
	$(SWIFT) test --skip '$(SLOW_SUITES)'

release: $(RELEASE_BIN)

# Always handed to swift build, which knows whether the sources changed.
$(RELEASE_BIN): FORCE
	$(SWIFT) build $(CONFIG_RELEASE)

FORCE:

# Generated from the binary, so they match the options it parses.
man: $(BIN)
	mkdir -p $(GENERATED)
	$(BIN) help --format man > $(GENERATED)/vodhook.1.tmp
	mv $(GENERATED)/vodhook.1.tmp $(GENERATED)/vodhook.1

completions: $(BIN)
	mkdir -p $(GENERATED)/completions
	$(BIN) completions bash > $(GENERATED)/completions/vodhook.bash
	$(BIN) completions zsh > $(GENERATED)/completions/_vodhook
	$(BIN) completions fish > $(GENERATED)/completions/vodhook.fish

install: man completions
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)" "$(DESTDIR)$(BASH_COMPLETIONS)" "$(DESTDIR)$(ZSH_COMPLETIONS)" "$(DESTDIR)$(FISH_COMPLETIONS)"
	install -m 0755 $(BIN) "$(DESTDIR)$(BINDIR)/vodhook"
	install -m 0644 $(GENERATED)/vodhook.1 "$(DESTDIR)$(MANDIR)/vodhook.1"
	install -m 0644 $(GENERATED)/completions/vodhook.bash "$(DESTDIR)$(BASH_COMPLETIONS)/vodhook"
	install -m 0644 $(GENERATED)/completions/_vodhook "$(DESTDIR)$(ZSH_COMPLETIONS)/_vodhook"
	install -m 0644 $(GENERATED)/completions/vodhook.fish "$(DESTDIR)$(FISH_COMPLETIONS)/vodhook.fish"
	install -d "$(DESTDIR)$(DOCDIR)/docs/schemas"
	install -m 0644 README.md CHANGELOG.md LICENSE "$(DESTDIR)$(DOCDIR)"
	install -m 0644 docs/*.md "$(DESTDIR)$(DOCDIR)/docs"
	install -m 0644 docs/schemas/*.json "$(DESTDIR)$(DOCDIR)/docs/schemas"

# A tarball laid out like PREFIX, its binary stripped, with a SHA-256 file beside it.
dist: release
	$(MAKE) install BIN=$(RELEASE_BIN) PREFIX= DESTDIR="$(CURDIR)/$(GENERATED)/dist-stage"
	DIST_DIR="$(DIST_DIR)" STAGE="$(GENERATED)/dist-stage" Dist/make-tarball.sh

# docs/events.md comes from 'spec --format markdown' once the spec command has that format.
docs: build
	$(DEBUG_BIN) help --format markdown > docs/commands.md
	$(DEBUG_BIN) rules --format markdown > docs/rules.md
	@if $(DEBUG_BIN) spec --format markdown > docs/events.md.tmp 2>/dev/null; then \
		mv docs/events.md.tmp docs/events.md; \
	else \
		rm -f docs/events.md.tmp; echo "docs/events.md: skipped, this vodhook has no 'spec --format markdown'"; \
	fi

# Builds the hook with swift in pre-commit's cache: minutes the first time, so not part of make test.
pre-commit-check:
	Dist/pre-commit-check.sh

# The examples include one payload per rule, so check exits 1 here by design.
demo: build
	-.build/debug/vodhook check Examples/
	-.build/debug/vodhook check Examples/captured-log.ndjson --format json

# Linux only: swiftc's libFuzzer runtime ships with the Linux toolchain.
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh

fuzz-smoke:
	FUZZ_SECONDS=10 Fuzz/run.sh

# Required before changing Pipeline/ or Reading/ (docs/testing.md, "Sanitizers").
# Separate build folders, so the everyday build is not thrown away.
sanitize:
	VODHOOK_SANITIZER=thread $(SWIFT) test --sanitize=thread --scratch-path .build-tsan --skip ArgumentSweepTests
	# Leak checks off: the only leaks are Foundation's (Process, Pipe, Data(contentsOf:)) in test helpers.
	ASAN_OPTIONS=detect_leaks=0 VODHOOK_SANITIZER=address $(SWIFT) test --sanitize=address --scratch-path .build-asan
	FUZZ_MODE=replay Fuzz/build.sh
	# The catalog's statics look leaked to LeakSanitizer; Fuzz/lsan.supp says why.
	LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp SWIFT_BACKTRACE=enable=no .build-fuzz/replay/reader-replay Tests/Fixtures/fuzz/*
	LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp SWIFT_BACKTRACE=enable=no .build-fuzz/replay/pipeline-replay Tests/Fixtures/fuzz/*
	LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp SWIFT_BACKTRACE=enable=no .build-fuzz/replay/arguments-replay $(CURDIR)/Tests/Fixtures/fuzz-arguments/*
	LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp SWIFT_BACKTRACE=enable=no .build-fuzz/replay/gzip-replay Tests/DecompressionTests/Fixtures/*

stress:
	STRESS_SCALE=$(STRESS_SCALE) Stress/run.sh

stress-small:
	STRESS_SCALE=small Stress/run.sh

# Python 3 generates the corpus and times the runs; BENCH_DOCS=20000 for a quick one.
bench:
	SWIFT=$(SWIFT) Benchmarks/bench.sh

# Instructions per document (callgrind), which do not move with the machine's load.
BENCH_DIR ?= /tmp/vodhook-bench
bench-instructions: release
	mkdir -p $(BENCH_DIR)
	[ -s $(BENCH_DIR)/instructions-dmc.ndjson ] || python3 Benchmarks/generate_corpus.py 20000 $(BENCH_DIR)/instructions-dmc.ndjson $(BENCH_DIR)/instructions-dmc.json-only > /dev/null
	[ -s $(BENCH_DIR)/instructions-lifecycle.ndjson ] || $(RELEASE_BIN) sample --lifecycle --count 20000 --seed 1 > $(BENCH_DIR)/instructions-lifecycle.ndjson
	python3 Benchmarks/instructions.py $(RELEASE_BIN) $(BENCH_DIR)/instructions-dmc.ndjson $(BENCH_DIR)/instructions-lifecycle.ndjson

clean:
	$(SWIFT) package clean
	rm -rf .build $(DIST_DIR)
