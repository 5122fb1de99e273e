# dq — two commands on a fresh machine:
#   make run    install what is missing, build (release) and open the REPL on the default data
#               (the binary is .build/release/dq; `make install` puts it in $(PREFIX)/bin)
#   make test   install what is missing and run every test
SWIFT ?= swift
# The release binary carries the Swift runtime and Foundation (linked statically): it starts
# in a few milliseconds and runs where no Swift toolchain is installed.
RELEASE := -c release --product dq --static-swift-stdlib
# System packages: SQLite and libedit headers to build; the sqlite3 CLI, tmux and
# poppler-utils (pdftotext, pdfinfo) for tests and import; hyperfine for benchmarks;
# headless Chromium, the CJK fonts the report names and python3 for the report's browser test;
# zsh to test the zsh completion.
PACKAGES := libsqlite3-dev libedit-dev sqlite3 tmux poppler-utils hyperfine chromium-headless-shell fonts-noto-cjk python3 zsh

.PHONY: run test build deps generate bench bench-national mutations fuzz torture clean install install-files
# Where `make install` puts dq: $(PREFIX)/bin/dq, the manual page and shell completions.
PREFIX ?= /usr/local

run: deps
	$(SWIFT) build $(RELEASE)
	./.build/release/dq

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

build: deps
	$(SWIFT) build $(RELEASE)

# Installs the release binary, dq(1) generated from the binary's own help, and the bash
# and zsh completions (statements and subjects). DESTDIR stages a package.
install: build
	$(MAKE) install-files

# The installation without the build: DQ is the binary installed (the release one by default).
DQ ?= .build/release/dq
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 755 $(DQ) $(DESTDIR)$(PREFIX)/bin/dq
	python3 scripts/make_man.py $(DQ) > $(DESTDIR)$(PREFIX)/share/man/man1/dq.1
	chmod 644 $(DESTDIR)$(PREFIX)/share/man/man1/dq.1
	install -m 644 completions/dq.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/dq
	install -m 644 completions/_dq $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_dq

# Installs missing Debian packages: apt-get as root, else sudo -n, else says what to run.
deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  elif sudo -n true 2>/dev/null; then sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "missing packages; run: sudo apt-get install -y$$missing"; exit 1; fi; \
	fi

# Regenerates the embedded schema and seeds after editing schema.sql or seeds/.
generate:
	python3 scripts/embed_sql.py

bench: build
	bench/run.sh

# The capacity table on the national-scale database (10^8 facts, made first if missing: about
# 20 minutes of CPU, an hour niced on a shared machine; see bench/README.md). Not part of `make test`.
bench-national: build
	SKIP_BUILD=1 bench/run.sh --national

# The audit's full mutation harness (the test suite runs a small fixed sample).
mutations: deps
	$(SWIFT) build --build-tests
	DQ_MUTATIONS=full $(SWIFT) test --skip-build --disable-swift-testing --filter MutationHarnessFull

# libFuzzer over the query language and the importer, FUZZ_SECONDS each (default 60), from the
# corpus in fuzz/corpus; new inputs go to a scratch directory, crashes to fuzz/crashes/.
# Add a crash's input to fuzz/corpus/<target>/ once fixed: `make test` replays the corpus.
FUZZ_SECONDS ?= 60
FUZZ_BUILD := $(SWIFT) build --scratch-path .build/fuzz --sanitize fuzzer -Xswiftc -parse-as-library -Xswiftc -DFUZZING
fuzz: deps
	$(FUZZ_BUILD) --product FuzzQuery
	$(FUZZ_BUILD) --product FuzzImport
	mkdir -p fuzz/crashes .build/fuzz/work/query .build/fuzz/work/import
	SWIFT_BACKTRACE=enable=no .build/fuzz/debug/FuzzQuery -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	  -artifact_prefix=fuzz/crashes/query- .build/fuzz/work/query fuzz/corpus/query
	SWIFT_BACKTRACE=enable=no .build/fuzz/debug/FuzzImport -max_total_time=$(FUZZ_SECONDS) -max_len=200000 -rss_limit_mb=4096 \
	  -artifact_prefix=fuzz/crashes/import- .build/fuzz/work/import fuzz/corpus/import

# Crash-safety: kill -9 during import and init, concurrent import + query + check, a full
# disk, read-only files (a few minutes; not part of `make test`).
torture: deps
	$(SWIFT) build --product dq
	scripts/torture.sh .build/debug/dq

clean:
	rm -rf .build
