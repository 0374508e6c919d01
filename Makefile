# NoticeWatch: the project's verbs. `make run` and `make test` are all a new user needs.
SWIFT      ?= swift
SAMPLE     ?= Datasets/sample
SAMPLE_OUT ?= Reports/sample
SAMPLE_AS_OF ?= 2025-06-30
N          ?= 1000000
PROFILE    ?= realistic
RELEASE_BIN = .build/release/noticewatch
PREFIX     ?= /usr/local
# the build that `make install` installs: release (debug only to try the installation quickly)
INSTALL_CONFIGURATION ?= release

.PHONY: run test build install deps golden sample bench bench-series lint clean

## run: build in release mode and write the sample report to Reports/sample/
run: deps
	$(SWIFT) build -c release --product noticewatch
	$(RELEASE_BIN) run $(SAMPLE) --out $(SAMPLE_OUT) --as-of $(SAMPLE_AS_OF)
	@echo "Report written: $(SAMPLE_OUT)/report.md"

## test: build and run the whole test suite
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build -c release --product noticewatch

## install: build and install the binary, its man page and bash/zsh/fish completions under PREFIX (/usr/local)
install: deps
	$(SWIFT) build -c $(INSTALL_CONFIGURATION) --product noticewatch
	SWIFT=$(SWIFT) Scripts/install.sh .build/$(INSTALL_CONFIGURATION)/noticewatch $(PREFIX) $(INSTALL_CONFIGURATION)

## deps: install the C libraries a new machine lacks (libxml2, zlib, SQLite, libcrypto, pkg-config)
deps:
	@if pkg-config --exists libxml-2.0 sqlite3 zlib libcrypto 2>/dev/null; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing libxml2-dev zlib1g-dev libsqlite3-dev libssl-dev pkg-config"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-dev zlib1g-dev libsqlite3-dev libssl-dev pkg-config; \
	else \
		echo "NoticeWatch needs libxml2, zlib, SQLite, libcrypto and pkg-config. Run:"; \
		echo "  sudo apt-get install -y libxml2-dev zlib1g-dev libsqlite3-dev libssl-dev pkg-config"; \
		exit 1; \
	fi

## golden: re-record the committed sample report after an intended change of output
golden: deps
	rm -rf $(SAMPLE_OUT)
	$(MAKE) run

## sample: regenerate the synthetic sample bundle in Datasets/sample/ from its seed
sample: deps
	$(SWIFT) build -c release --product noticewatch
	rm -rf $(SAMPLE)
	$(RELEASE_BIN) generate --seed 20250630 --out $(SAMPLE)

## bench: compare NoticeWatch with DuckDB, polars, pandas and lxml on generated data (N=5000000 for the large run;
## PROFILE=clean for the clean bundle instead of the realistic one)
bench: deps
	N=$(N) PROFILE=$(PROFILE) Scripts/bench.sh

## bench-series: time a zero-config run on 7,000 public notices × 365 nightly list-page captures (with peak memory)
SERIES_NOTICES ?= 7000
SERIES_NIGHTS  ?= 365
bench-series: deps
	SERIES_NOTICES=$(SERIES_NOTICES) SERIES_NIGHTS=$(SERIES_NIGHTS) Scripts/bench.sh series

## lint: check formatting with the toolchain's swift-format
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build
