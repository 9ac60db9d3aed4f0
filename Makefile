# ISK Brief. `make run` opens the app; `make test` runs every check.
# Both install the Debian/Ubuntu packages they need first (scripts/deps.sh).
SHELL := /bin/bash
export LANG := en_US.UTF-8
GO ?= go

VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
DATE    := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -X iskbrief/internal/cli.Version=$(VERSION) -X iskbrief/internal/cli.Commit=$(COMMIT) -X iskbrief/internal/cli.Date=$(DATE)
BIN     := build/iskbrief

.PHONY: all run build deps test-deps test lint unit fuzz e2e bench geodata check clean

all: build

deps:
	@bash scripts/deps.sh

test-deps:
	@bash scripts/deps.sh test

build: deps
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/iskbrief

run: build
	./$(BIN)

# Every check: formatting, vet, unit tests with the race detector, the
# dataset check, a short fuzz run of every parser, and the end-to-end tests
# under Xvfb.
test: test-deps lint unit check fuzz e2e

lint:
	@out=$$(gofmt -l cmd ui internal geodata assets scripts); if [[ -n "$$out" ]]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

unit:
	$(GO) test -race -count=1 ./...

check: build
	./$(BIN) check assets/data

FUZZTIME ?= 10s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzReadCSV$$' -fuzztime $(FUZZTIME) ./internal/events
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./internal/basemap

e2e: build
	bash scripts/e2e.sh
	bash scripts/e2e-briefing.sh

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./internal/... ./geodata

geodata:
	bash scripts/geodata.sh

clean:
	rm -rf build
