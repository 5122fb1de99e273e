# dq — two commands on a fresh machine:
#   make run    install what is missing, build (release) and open the REPL on the default data
#   make test   install what is missing and run every test
SWIFT ?= swift
# The release binary carries the Swift runtime and Foundation (linked statically): it starts
# in a few milliseconds and runs where no Swift toolchain is installed.
RELEASE := -c release --product dq --static-swift-stdlib
# System packages: SQLite and libedit headers to build; the sqlite3 CLI, tmux and
# poppler-utils (pdftotext, pdfinfo) for tests and import; hyperfine for benchmarks;
# headless Chromium, the CJK fonts the report names and python3 for the report's browser test.
PACKAGES := libsqlite3-dev libedit-dev sqlite3 tmux poppler-utils hyperfine chromium-headless-shell fonts-noto-cjk python3

.PHONY: run test build deps generate bench mutations clean

run: deps
	$(SWIFT) build $(RELEASE)
	./.build/release/dq

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

build: deps
	$(SWIFT) build $(RELEASE)

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

# The audit's full mutation harness (the test suite runs a small fixed sample).
mutations: deps
	$(SWIFT) build --build-tests
	DQ_MUTATIONS=full $(SWIFT) test --skip-build --disable-swift-testing --filter MutationHarnessFull

clean:
	rm -rf .build
