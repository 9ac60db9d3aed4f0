# ISK Brief. `make run` opens the app; `make test` runs every check.
# Both install the Debian/Ubuntu packages they need first (scripts/deps.sh).
SHELL := /bin/bash
export LANG := en_US.UTF-8
GO ?= go

VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
DATE    := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -X iskbrief/internal/version.Version=$(VERSION) -X iskbrief/internal/version.Commit=$(COMMIT) -X iskbrief/internal/version.Date=$(DATE)
BIN     := build/iskbrief
TOOLS   := $(CURDIR)/build/tools
# The packaging tools, built from pinned versions (go install …@latest may be
# unavailable through a module proxy).
FYNE_TOOL_VERSION := v1.7.4
WINRES_VERSION    := v0.3.3
PREFIX  ?= /usr/local
DIST    := build/dist
LINUX_PKG := $(DIST)/iskbrief-$(VERSION)-linux-amd64.tar.xz

.PHONY: all run build headless headless-check deps test-deps test lint unit fuzz e2e bench bench-memory bench-peers geodata check clean tools package install uninstall windows package-test

all: build

deps:
	@bash scripts/deps.sh

test-deps:
	@bash scripts/deps.sh test

build: deps
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/iskbrief

run: build
	./$(BIN)

# The command line alone, for servers and automation: no window, no Fyne,
# no cgo (check, export, import, version work the same).
HEADLESS_BIN := build/headless/iskbrief
headless:
	CGO_ENABLED=0 $(GO) build -tags headless -ldflags "$(LDFLAGS)" -o $(HEADLESS_BIN) ./cmd/iskbrief

# The headless build links no fyne.io package, and under the C locale of
# Debian containers neither binary prints anything but the version.
headless-check: headless build
	@if $(GO) list -deps -tags headless ./cmd/iskbrief | grep fyne.io; then echo "headless build links Fyne"; exit 1; fi
	@for b in $(HEADLESS_BIN) $(BIN); do out=$$(LANG=C.UTF-8 LC_ALL= ./$$b version 2>&1); \
	  if [[ $$(printf '%s\n' "$$out" | wc -l) != 1 || $$out != iskbrief* ]]; then echo "$$b version under C.UTF-8 printed:"; echo "$$out"; exit 1; fi; done
	@echo "headless-check: no Fyne in the headless build; 'version' prints one line under C.UTF-8"

# Every check: formatting, vet, unit tests with the race detector, the
# dataset check, a short fuzz run of every parser, and the end-to-end tests
# under Xvfb.
test: test-deps lint unit headless-check check fuzz e2e package-test

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
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) ./internal/importer
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeEvents$$' -fuzztime $(FUZZTIME) ./internal/importer
	$(GO) test -run '^$$' -fuzz '^FuzzParseBBox$$' -fuzztime $(FUZZTIME) ./internal/cli
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) ./internal/dataset
	$(GO) test -run '^$$' -fuzz '^FuzzSlideState$$' -fuzztime $(FUZZTIME) ./internal/slides

e2e: build
	bash scripts/e2e.sh
	bash scripts/e2e-briefing.sh

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./internal/... ./geodata

# ISK Brief against Mapnik, matplotlib and gnuplot on the same inputs (not
# part of `make test`: timings are not pass/fail).
bench-memory:
	bash scripts/bench-memory.sh

bench-peers:
	bash scripts/bench-peers.sh

geodata:
	bash scripts/geodata.sh

clean:
	rm -rf build

tools: $(TOOLS)/fyne $(TOOLS)/go-winres

$(TOOLS)/fyne:
	GOBIN=$(TOOLS) $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOL_VERSION)

$(TOOLS)/go-winres:
	GOBIN=$(TOOLS) $(GO) install github.com/tc-hib/go-winres@$(WINRES_VERSION)

# Linux package: a tar.xz with the binary, a .desktop entry and the icon,
# from FyneApp.toml, made by Fyne's packaging tool around our stamped binary.
package: build $(TOOLS)/fyne
	mkdir -p $(DIST)
	rm -f "ISK Brief.tar.xz"
	$(TOOLS)/fyne package --target linux --executable $(BIN) --release
	mv "ISK Brief.tar.xz" $(LINUX_PKG)
	@echo "package: $(LINUX_PKG)"

# Installs the package so the app appears in the desktop's menu with its icon.
install: package
	rm -rf build/pkg && mkdir -p build/pkg && tar -xJf $(LINUX_PKG) -C build/pkg
	$(MAKE) -C build/pkg/iskbrief install PREFIX=$(PREFIX)
	-command -v update-desktop-database >/dev/null && update-desktop-database -q $(PREFIX)/share/applications
	@echo "installed in $(PREFIX): run iskbrief, or find ISK Brief in the applications menu"

uninstall:
	rm -f $(PREFIX)/bin/iskbrief $(PREFIX)/share/applications/org.iskbrief.app.desktop $(PREFIX)/share/pixmaps/org.iskbrief.app.png
	@echo "removed ISK Brief from $(PREFIX) (your briefings stay in the workspace file; see README)"

# Windows executable, cross-compiled with Debian's mingw-w64; the icon and
# version information are compiled into a resource object by go-winres.
windows: $(TOOLS)/go-winres
	@bash scripts/deps.sh windows
	VERSION=$(VERSION) TOOLS=$(TOOLS) bash scripts/windows.sh "$(LDFLAGS)"

package-test: package windows
	bash scripts/package-test.sh
