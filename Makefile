# Guatu build. `make demo` and `make test` are the whole set-up (README).
# Everything but src/main.c builds into one library (build/libguatu.a) that
# the program, the unit tests and the benchmarks link.

CC      ?= cc
PKGS    := libmicrohttpd jansson libsodium sqlite3 libpq inih xlsxwriter libzip expat \
           cairo pangocairo fontconfig
LIBS_EXTRA := -lcsv   # libcsv ships no pkg-config file
PREFIX  ?= /usr/local
VERSION := 0.1.0

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wvla -Wformat=2 -Wno-format-nonliteral
BASE_CFLAGS = -std=c17 -D_GNU_SOURCE -DGUATU_VERSION='"$(VERSION)"' -Isrc -MMD -MP \
           $(WARN) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(LIBS_EXTRA) -lpthread
OPT     ?= -O2 -g
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

SRC      := $(shell find src -name '*.c' ! -name main.c | sort)
GEN_WEB  := build/gen/web_assets.c
OBJ      := $(SRC:src/%.c=build/obj/%.o) build/obj/gen/web_assets.o
SAN_OBJ  := $(SRC:src/%.c=build/san/%.o) build/san/gen/web_assets.o
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/tests/%)
WEB_SRC  := $(shell find web/src web/public -type f 2>/dev/null) web/index.html \
            web/package.json web/package-lock.json $(wildcard web/vite.config.*)

.PHONY: all deps deps-test demo test unit web install clean bench check-style

all: build/guatu

deps:
	@tools/install-deps.sh build

deps-test:
	@tools/install-deps.sh test

build/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(OPT) -c $< -o $@

build/obj/gen/web_assets.o: $(GEN_WEB)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O1 -c $< -o $@

build/san/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) -c $< -o $@

build/san/gen/web_assets.o: $(GEN_WEB)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O0 -c $< -o $@

build/libguatu.a: $(OBJ)
	@rm -f $@
	ar rcs $@ $^

build/libguatu-san.a: $(SAN_OBJ)
	@rm -f $@
	ar rcs $@ $^

build/guatu: build/obj/main.o build/libguatu.a
	$(CC) $(OPT) -o $@ $^ $(LIBS)

build/obj/main.o: src/main.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(OPT) -c $< -o $@

# The web UI is built by Vite and embedded, gzip-precompressed, as C arrays.
web/dist/index.html: $(WEB_SRC)
	cd web && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; } && npm run build

web: web/dist/index.html

$(GEN_WEB): web/dist/index.html tools/embed-web.mjs
	@mkdir -p $(dir $@)
	node tools/embed-web.mjs web/dist $@

build/tests/%: tests/unit/%.c build/libguatu-san.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O1 -g $(SAN) $< -o $@ build/libguatu-san.a $(LIBS) \
		$(shell pkg-config --libs cmocka)

unit: $(UNIT_BIN)

demo: deps
	@$(MAKE) --no-print-directory build/guatu
	build/guatu demo --db guatu-demo.db --listen 127.0.0.1:8080

test: deps-test
	@$(MAKE) --no-print-directory build/guatu unit
	@tests/run-all.sh

bench: build/guatu
	@tools/install-deps.sh bench
	@bench/run.sh

install: build/guatu
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/doc/guatu $(DESTDIR)$(PREFIX)/etc/guatu
	install -m 755 build/guatu $(DESTDIR)$(PREFIX)/bin/guatu
	install -m 644 docs/guatu.1 $(DESTDIR)$(PREFIX)/share/man/man1/guatu.1
	build/guatu config > $(DESTDIR)$(PREFIX)/etc/guatu/guatu.ini.sample
	install -m 644 docs/*.md $(DESTDIR)$(PREFIX)/share/doc/guatu/

check-style:
	@tools/check-banned.sh

clean:
	rm -rf build

-include $(OBJ:.o=.d) $(SAN_OBJ:.o=.d) build/obj/main.d
