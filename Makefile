# SPDX-License-Identifier: BSD-2-Clause
# precis -- one GNU Makefile for the library, its tools and its tests.
#
#   make               build/default/libprecis.a and libprecis.so, precisd, precis
#   make check         install missing packages, build, run every test
#   make check SANITIZE=1   the same under AddressSanitizer + UBSan
#   make run           build and start precisd on ./precisd.sock
#   make install       PREFIX=/usr/local DESTDIR= (programs, header, libs,
#                      data, .pc, man pages, docs, systemd units and
#                      sysusers.d file, /etc/precis/precisd.conf)
#   make idf           rebuild data/idf/*.idf from ../shared/data
#   make deb           Debian packages into build/deb/, lintian-checked
#   make fuzz          FUZZ_SECONDS=60: each libFuzzer target of fuzz/ (clang)
#
# CC, CFLAGS, LDFLAGS, PREFIX and DESTDIR are honoured as usual.

PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/precis
DOCDIR ?= $(PREFIX)/share/doc/precis
SYSCONFDIR ?= /etc
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
SHARED ?= ../shared/data

VERSION := 0.1.0
SOVERSION := 0

CFLAGS ?= -O2 -g
# -Werror for development and make check; a package build sets WERROR=
# so a newer compiler's new warning does not fail it.
WERROR ?= -Werror
WARN := -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes -Wvla
STD := -std=c11 -D_DEFAULT_SOURCE

SANITIZE ?= 0
ifeq ($(SANITIZE),1)
BUILD := build/sanitize
LIBOUT := $(BUILD)
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
else ifeq ($(SANITIZE),fuzz)
# make fuzz: everything built with clang for libFuzzer, under ASan+UBSan.
BUILD := build/fuzz
LIBOUT := $(BUILD)
CC := clang
SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined \
            -fno-sanitize-recover=all -fno-omit-frame-pointer
else
BUILD := build/default
LIBOUT := $(BUILD)
SANFLAGS :=
endif

# Evaluated when used, so they see packages that `make deps` just added.
UTF8PROC_CFLAGS = $(shell pkg-config --cflags libutf8proc 2>/dev/null)
UTF8PROC_LIBS = $(shell pkg-config --libs libutf8proc 2>/dev/null || echo -lutf8proc)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
JANSSON_LIBS = $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
LIB_DEPS = $(UTF8PROC_LIBS) -lstemmer -lm -pthread

ALL_CFLAGS = $(STD) $(WARN) $(CPPFLAGS) $(CFLAGS) $(SANFLAGS) -Iinclude \
             -MMD -MP $(UTF8PROC_CFLAGS)
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

LIB_SRC := $(wildcard lib/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB_A := $(LIBOUT)/libprecis.a
LIB_SO := $(LIBOUT)/libprecis.so
# Tests, tools and benchmarks reach the engine's stages directly, so they
# link the objects as they are; libprecis.a keeps only precis_ global.
LIB_INTERNAL := $(BUILD)/lib/libprecis-internal.a
LD ?= ld
OBJCOPY ?= objcopy

TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:%.c=$(BUILD)/%)
TEST_COMMON := $(BUILD)/tests/testutil.o

DAEMON_SRC := $(wildcard daemon/*.c)
DAEMON_OBJ := $(DAEMON_SRC:%.c=$(BUILD)/%.o)
# The protocol's reading and writing, shared by precisd, precis and tests.
PROTOCOL_OBJ := $(BUILD)/daemon/protocol.o $(BUILD)/daemon/offsets.o \
    $(BUILD)/daemon/json_out.o
PRECISD := $(BUILD)/daemon/precisd
UV_LIBS = $(shell pkg-config --libs libuv 2>/dev/null || echo -luv)
# Debian's libhttp-parser-dev has no pkg-config file.
HTTP_PARSER_LIBS = -lhttp_parser

CLI_SRC := $(wildcard cli/*.c)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
PRECIS_CLI := $(BUILD)/cli/precis

TOOLS := $(BUILD)/tools/precis-idf
BENCH := $(BUILD)/bench/speed $(BUILD)/bench/rouge $(BUILD)/bench/eval \
    $(BUILD)/bench/load $(BUILD)/bench/quotes $(BUILD)/bench/segment \
    $(BUILD)/bench/pages $(BUILD)/bench/abuse

# Build outputs go under build/ only; keep objects that are only
# prerequisites of test and tool programs.
.SECONDARY:

.PHONY: all deps check check-run run install uninstall clean idf tools bench \
    eval deb fuzz fuzz-run

all: $(LIB_A) $(LIB_SO) $(PRECISD) $(PRECIS_CLI)

deps:
	@./tools/deps.sh

# Library: position-independent objects serve both the .a and the .so;
# only the precis_ API is exported from the .so.
$(BUILD)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden \
	    -DPRECIS_DATADIR='"$(DATADIR)"' -c $< -o $@

# The installed data path is compiled into engine.o: a stamp holding it,
# rewritten only when it changes, rebuilds it for `make install
# PREFIX=/usr` after a plain `make`.
DATADIR_STAMP := $(BUILD)/lib/datadir.stamp
$(shell mkdir -p $(BUILD)/lib && { echo '$(DATADIR)' | \
    cmp -s - $(DATADIR_STAMP) || echo '$(DATADIR)' > $(DATADIR_STAMP); })
$(BUILD)/lib/engine.o: $(DATADIR_STAMP)

# The archive holds one object linked from all of them, its hidden
# (internal) symbols made local, so a program of its own set_error() or
# arena_alloc() neither clashes with the library nor replaces its code.
$(LIB_A): $(LIB_OBJ)
	@mkdir -p $(@D)
	$(LD) -r $^ -o $(BUILD)/lib/libprecis-all.o
	$(OBJCOPY) --localize-hidden $(BUILD)/lib/libprecis-all.o
	rm -f $@
	$(AR) rcs $@ $(BUILD)/lib/libprecis-all.o

$(LIB_INTERNAL): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(LIB_SO): $(LIB_OBJ) lib/libprecis.map
	@mkdir -p $(@D)
	$(CC) -shared -Wl,-soname,libprecis.so.$(SOVERSION) \
	    -Wl,--version-script=lib/libprecis.map $(ALL_LDFLAGS) \
	    $(LIB_OBJ) -o $@ $(LIB_DEPS)

# The daemon knows the engine through include/precis.h only.
$(BUILD)/daemon/%.o: daemon/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(PRECISD): $(DAEMON_OBJ) $(LIB_A)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(UV_LIBS) $(JANSSON_LIBS) \
	    $(HTTP_PARSER_LIBS) -pthread

# The CLI shares the daemon's protocol code (one serializer) and its
# choice of data directory.
$(BUILD)/cli/%.o: cli/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Idaemon -c $< -o $@

$(PRECIS_CLI): $(CLI_OBJ) $(PROTOCOL_OBJ) $(BUILD)/daemon/datadir.o \
    $(LIB_A)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(JANSSON_LIBS) -pthread

# Tests link the library's objects and may include lib/ headers to test
# internal stages (segmenter, tokenizer) directly; test_symbols links the
# public libprecis.a.
$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Ilib -Idaemon -Ibench -Icli -c $< -o $@

$(BUILD)/tests/test_%: $(BUILD)/tests/test_%.o $(TEST_COMMON) $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(CMOCKA_LIBS) -pthread

# The ROUGE tests link the scorer of bench/.
# The batch's worker count, from the CLI's own object.
$(BUILD)/tests/test_cpus: $(BUILD)/tests/test_cpus.o $(BUILD)/cli/cpus.o \
    $(TEST_COMMON) $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(CMOCKA_LIBS) -pthread

$(BUILD)/tests/test_symbols: $(BUILD)/tests/test_symbols.o $(TEST_COMMON) \
    $(LIB_A)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(CMOCKA_LIBS) -pthread

$(BUILD)/tests/test_rouge: $(BUILD)/tests/test_rouge.o \
    $(BUILD)/bench/rouge_score.o $(TEST_COMMON) $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(CMOCKA_LIBS) $(JANSSON_LIBS)

# bench/eval's tests run it (and bench/segment, bench/pages) on sets
# they write, scoring with the same ROUGE code.
$(BUILD)/tests/test_eval: $(BUILD)/tests/test_eval.o \
    $(BUILD)/tests/daemon_harness.o $(BUILD)/bench/rouge_score.o \
    $(TEST_COMMON) $(LIB_INTERNAL) | $(BUILD)/bench/eval $(BUILD)/bench/segment \
    $(BUILD)/bench/pages
	$(CC) $(ALL_LDFLAGS) $(filter %.o %.a,$^) -o $@ $(LIB_DEPS) \
	    $(CMOCKA_LIBS) $(JANSSON_LIBS) -pthread

# The load generator's tests run it against precisd and a fake server.
$(BUILD)/tests/test_load: $(BUILD)/tests/test_load.o \
    $(BUILD)/tests/daemon_harness.o $(TEST_COMMON) $(LIB_INTERNAL) \
    | $(PRECISD) $(BUILD)/bench/load
	$(CC) $(ALL_LDFLAGS) $(filter %.o %.a,$^) -o $@ $(LIB_DEPS) \
	    $(CMOCKA_LIBS) $(JANSSON_LIBS) -pthread

# The CLI tests run the real precis (and precisd, for remote mode).
$(BUILD)/tests/test_cli: $(BUILD)/tests/test_cli.o \
    $(BUILD)/tests/daemon_harness.o $(TEST_COMMON) $(LIB_INTERNAL) \
    | $(PRECISD) $(PRECIS_CLI)
	$(CC) $(ALL_LDFLAGS) $(filter %.o %.a,$^) -o $@ $(LIB_DEPS) \
	    $(CMOCKA_LIBS) $(JANSSON_LIBS) -pthread

# The daemon tests drive the real binary and compare its replies with the
# engine's, serialised by the daemon's own protocol.o.
$(BUILD)/tests/test_daemon $(BUILD)/tests/test_hostile $(BUILD)/tests/test_http: \
    $(BUILD)/tests/%: \
    $(BUILD)/tests/%.o \
    $(BUILD)/tests/daemon_harness.o $(PROTOCOL_OBJ) \
    $(TEST_COMMON) $(LIB_INTERNAL) | $(PRECISD)
	$(CC) $(ALL_LDFLAGS) $(filter %.o %.a,$^) -o $@ $(LIB_DEPS) \
	    $(CMOCKA_LIBS) $(JANSSON_LIBS) -pthread

# The reply writer against json_dumps, on values and on real replies.
$(BUILD)/tests/test_json_out: $(BUILD)/tests/test_json_out.o $(PROTOCOL_OBJ) \
    $(TEST_COMMON) $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(CMOCKA_LIBS) $(JANSSON_LIBS) \
	    -pthread

$(BUILD)/tools/%.o: tools/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Ilib -c $< -o $@

$(BUILD)/tools/precis-idf: $(BUILD)/tools/precis-idf.o $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(JANSSON_LIBS)

tools: $(TOOLS)

# Benchmarks use the public API; the ROUGE scorer borrows the engine's
# tokenizer and hash map for its --unicode mode.
$(BUILD)/bench/%.o: bench/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Ilib -Icli -c $< -o $@

$(BUILD)/bench/rouge: $(BUILD)/bench/rouge.o $(BUILD)/bench/rouge_score.o \
    $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(JANSSON_LIBS)

$(BUILD)/bench/eval: $(BUILD)/bench/eval.o $(BUILD)/bench/rouge_score.o \
    $(BUILD)/bench/faithful.o $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(JANSSON_LIBS)

$(BUILD)/bench/quotes: $(BUILD)/bench/quotes.o $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(JANSSON_LIBS)

$(BUILD)/bench/segment $(BUILD)/bench/pages: $(BUILD)/bench/%: \
    $(BUILD)/bench/%.o $(BUILD)/bench/devset.o $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(LIB_DEPS) $(JANSSON_LIBS)

# ROUGE of precis and Lead on the dev sets of ../shared/EVAL.md, the
# quotes and speakers against PolNeAR, sentence boundaries against the
# Golden Rules and page noise on real pages (without --quiet, the last
# two list every failure).
eval: deps
	@$(MAKE) --no-print-directory $(BUILD)/bench/eval $(BUILD)/bench/quotes \
	    $(BUILD)/bench/segment $(BUILD)/bench/pages
	$(BUILD)/bench/eval --shared $(SHARED) --data data --oracle
	$(BUILD)/bench/quotes --shared $(SHARED) --data data
	$(BUILD)/bench/segment --shared $(SHARED) --data data --quiet
	$(BUILD)/bench/pages --shared $(SHARED) --data data --quiet

BENCH_CORPUS := $(BUILD)/bench/corpus.o $(BUILD)/cli/slurp.o
# bench/speed counts the engine's heap through these (bench/heap.c).
HEAP_WRAP := $(BUILD)/bench/heap.o \
    -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free

$(BUILD)/bench/speed: $(BUILD)/bench/speed.o $(BENCH_CORPUS) $(LIB_INTERNAL) \
    $(BUILD)/bench/heap.o
	$(CC) $(ALL_LDFLAGS) $(filter-out %/heap.o,$^) $(HEAP_WRAP) -o $@ \
	    $(LIB_DEPS) $(JANSSON_LIBS) -pthread

# The same program with Open Text Summarizer beside precis (make bench).
OTS_CFLAGS = $(shell pkg-config --cflags libots-1 2>/dev/null)
OTS_LIBS = $(shell pkg-config --libs libots-1 2>/dev/null)
$(BUILD)/bench/speed-ots.o: bench/speed.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -include stdio.h $(OTS_CFLAGS) -DHAVE_OTS -Icli \
	    -c $< -o $@

$(BUILD)/bench/speed-ots: $(BUILD)/bench/speed-ots.o $(BENCH_CORPUS) \
    $(LIB_INTERNAL) $(BUILD)/bench/heap.o
	$(CC) $(ALL_LDFLAGS) $(filter-out %/heap.o,$^) $(HEAP_WRAP) -o $@ \
	    $(LIB_DEPS) $(JANSSON_LIBS) $(OTS_LIBS) -pthread

$(BUILD)/bench/load: $(BUILD)/bench/load.o $(BENCH_CORPUS)
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(UV_LIBS) $(JANSSON_LIBS)

$(BUILD)/bench/abuse: $(BUILD)/bench/abuse.o
	$(CC) $(ALL_LDFLAGS) $^ -o $@ $(JANSSON_LIBS) -pthread

# Speed and load figures into docs/benchmarks.md (with OTS and plots
# when libots-dev and gnuplot are installed: `./tools/deps.sh bench`).
# Prints figures; timing never fails a build.
bench: deps
	@./tools/deps.sh bench
	@$(MAKE) --no-print-directory all $(BENCH) $(BUILD)/bench/speed-ots
	PRECIS_BUILD=$(BUILD) SHARED=$(SHARED) ./tools/bench.sh

# `make check` first makes sure the packages are there, then builds and
# runs in a second make so the pkg-config results above are fresh.
# libFuzzer targets (fuzz/): the engine on any bytes, a request line
# through parse, run and reply, and precisd.conf.  Each runs
# FUZZ_SECONDS over its corpus in build/fuzz/corpus/, seeded from the
# tests' fixtures, request lines and the example config; a crash leaves
# its input as build/fuzz/crash-* and fails make fuzz.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := summarize protocol config connection
FUZZ_BIN := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)
FUZZ_SEEDS_summarize := tests/fixtures fuzz/seeds/summarize
FUZZ_SEEDS_protocol := fuzz/seeds/protocol
FUZZ_SEEDS_config := systemd
FUZZ_SEEDS_connection := fuzz/seeds/connection
FUZZ_LEN_summarize := 65536
FUZZ_LEN_protocol := 65536
FUZZ_LEN_config := 16384
FUZZ_LEN_connection := 65536

fuzz:
	@./tools/deps.sh fuzz
	@$(MAKE) --no-print-directory SANITIZE=fuzz fuzz-run

fuzz-run: $(FUZZ_BIN)
	@for t in $(FUZZ_TARGETS); do \
	    echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	    mkdir -p $(BUILD)/corpus/$$t; \
	    case $$t in summarize) seeds="$(FUZZ_SEEDS_summarize)"; len=$(FUZZ_LEN_summarize);; \
	        protocol) seeds="$(FUZZ_SEEDS_protocol)"; len=$(FUZZ_LEN_protocol);; \
	        config) seeds="$(FUZZ_SEEDS_config)"; len=$(FUZZ_LEN_config);; \
	        connection) seeds="$(FUZZ_SEEDS_connection)"; len=$(FUZZ_LEN_connection);; esac; \
	    PRECIS_DATA=data $(BUILD)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
	        -max_len=$$len -timeout=20 -rss_limit_mb=3072 -print_final_stats=1 \
	        -dict=fuzz/$$t.dict -artifact_prefix=$(BUILD)/ \
	        $(BUILD)/corpus/$$t $$seeds 2> $(BUILD)/fuzz_$$t.log || \
	        { tail -40 $(BUILD)/fuzz_$$t.log; exit 1; }; \
	    grep -E '^stat::number_of_executed_units|^Done' $(BUILD)/fuzz_$$t.log; \
	done

$(BUILD)/fuzz/%.o: fuzz/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Ilib -Idaemon -c $< -o $@

$(BUILD)/fuzz/fuzz_summarize: $(BUILD)/fuzz/fuzz_summarize.o $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) -fsanitize=fuzzer $^ -o $@ $(LIB_DEPS)

$(BUILD)/fuzz/fuzz_protocol: $(BUILD)/fuzz/fuzz_protocol.o \
    $(PROTOCOL_OBJ) $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) -fsanitize=fuzzer $^ -o $@ $(LIB_DEPS) $(JANSSON_LIBS)

# The whole daemon but its main(), fed through one connection.
$(BUILD)/fuzz/fuzz_connection: $(BUILD)/fuzz/fuzz_connection.o \
    $(filter-out %/main.o,$(DAEMON_OBJ)) $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) -fsanitize=fuzzer $^ -o $@ $(LIB_DEPS) $(UV_LIBS) \
	    $(JANSSON_LIBS) $(HTTP_PARSER_LIBS) -pthread

$(BUILD)/fuzz/fuzz_config: $(BUILD)/fuzz/fuzz_config.o $(BUILD)/daemon/config.o \
    $(BUILD)/daemon/datadir.o $(BUILD)/daemon/log.o $(LIB_INTERNAL)
	$(CC) $(ALL_LDFLAGS) -fsanitize=fuzzer $^ -o $@ $(LIB_DEPS)

check: deps
	@$(MAKE) --no-print-directory check-run

# Shell tests, each against the build: units, documented examples,
# socket access, the IDF tool, the clients, the browser views, nginx,
# scale-out.
SHELL_TESTS := systemd_units doc_examples socket_group idf_tool python_client \
    node_client browser_view html_view nginx scale_out

check-run: all $(TEST_BIN) $(TOOLS) $(BENCH)
	@failed=0; \
	for t in $(TEST_BIN); do \
	    echo "== $$t"; \
	    PRECIS_DATA=data PRECIS_SHARED=$(SHARED) PRECIS_BUILD=$(BUILD) \
	        $$t || failed=$$((failed + 1)); \
	done; \
	for t in $(SHELL_TESTS); do \
	    echo "== tests/$$t.sh"; \
	    PRECIS_BUILD=$(BUILD) SANITIZE=$(SANITIZE) ./tests/$$t.sh || \
	        failed=$$((failed + 1)); \
	done; \
	if [ "$(SANITIZE)" = 1 ]; then \
	    echo "== tests/install.sh, tests/deb.sh: run in the plain build only (they install it)"; \
	else \
	    echo "== tests/install.sh"; \
	    ./tests/install.sh || failed=$$((failed + 1)); \
	    echo "== tests/deb.sh"; \
	    PRECIS_BUILD=$(BUILD) ./tests/deb.sh || failed=$$((failed + 1)); \
	fi; \
	if [ $$failed -ne 0 ]; then echo "$$failed test program(s) failed"; exit 1; fi; \
	echo "all test programs passed"

# Debian packages (libprecis0, libprecis-dev, precis, precisd) into
# build/deb/, checked with lintian.  dpkg-buildpackage writes beside the
# source tree, so the tree (the files git tracks or would) is copied
# there first.
DEB_DIR := build/deb
deb: deps
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/precis-$(VERSION)
	{ git ls-files -z --cached --others --exclude-standard 2>/dev/null || \
	    find . -path ./build -prune -o -path ./.git -prune -o -type f \
	        -print0; } | \
	    tar --null -T - -cf - | tar -xf - -C $(DEB_DIR)/precis-$(VERSION)
	cd $(DEB_DIR)/precis-$(VERSION) && dpkg-buildpackage -us -uc -b
	lintian --fail-on error,warning $(DEB_DIR)/*.changes

# precisd in the foreground on ./precisd.sock; Ctrl-C stops it.
run: deps
	@$(MAKE) --no-print-directory all
	@echo "precisd: starting on ./precisd.sock (Ctrl-C stops it). Try, from another shell:"
	@echo "  echo 'The council met on Monday. It approved the budget.' | $(PRECIS_CLI) --remote -s ./precisd.sock -n 1"
	@echo "  echo '{\"id\":1,\"text\":\"The council met on Monday. It approved the budget.\",\"sentences\":1}' | $(PRECIS_CLI) --remote -s ./precisd.sock --batch -"
	@echo "  (the second sends a protocol line as it is: docs/protocol.md)"
	@echo "  curl --unix-socket ./precisd.sock -H 'Content-Type: text/plain' --data-binary @tests/fixtures/sample-article.txt 'http://precisd/v1/summarize?sentences=2'"
	@if [ "$$(id -u)" -eq 0 ]; then echo "  (as root: --allow-root true; a service sets user = instead, docs/precisd.md)"; fi
	@exec $(PRECISD) --socket ./precisd.sock --socket-mode 0600 --data data \
	    $$([ "$$(id -u)" -ne 0 ] || echo --allow-root true)

# Document frequencies for the IDF models, from the background corpora
# described in ../shared/EVAL.md (not shipped; the models are).
idf: $(BUILD)/tools/precis-idf
	$(BUILD)/tools/precis-idf --data data --lang en $(SHARED)/idf_en.jsonl > data/idf/en.idf.tmp
	mv data/idf/en.idf.tmp data/idf/en.idf
	$(BUILD)/tools/precis-idf --data data --lang fr $(SHARED)/idf_fr.jsonl > data/idf/fr.idf.tmp
	mv data/idf/fr.idf.tmp data/idf/fr.idf

# The @...@ paths of a unit template, for this install.
UNIT_SED = -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' \
    -e 's|@DOCDIR@|$(DOCDIR)|g'

install: all
	install -d $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
	    $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man8 \
	    $(DESTDIR)$(DOCDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) \
	    $(DESTDIR)$(SYSCONFDIR)/precis
	install -m 755 $(PRECISD) $(PRECIS_CLI) $(DESTDIR)$(BINDIR)/
	install -m 644 docs/precis.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 docs/precisd.8 $(DESTDIR)$(MANDIR)/man8/
	install -m 644 README.md LICENSE docs/*.md $(DESTDIR)$(DOCDIR)/
	install -m 644 include/precis.h $(DESTDIR)$(INCLUDEDIR)/
	install -m 644 $(LIB_A) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(LIB_SO) $(DESTDIR)$(LIBDIR)/libprecis.so.$(VERSION)
	ln -sf libprecis.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libprecis.so.$(SOVERSION)
	ln -sf libprecis.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libprecis.so
	for d in stopwords abbrev speech morph dependent idf; do \
	    install -d $(DESTDIR)$(DATADIR)/$$d; \
	    install -m 644 data/$$d/* $(DESTDIR)$(DATADIR)/$$d/; \
	done
	install -m 644 data/boilerplate.txt $(DESTDIR)$(DATADIR)/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    precis.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/precis.pc
	for u in precisd.service precisd.socket; do \
	    sed $(UNIT_SED) systemd/$$u.in > $(DESTDIR)$(UNITDIR)/$$u; \
	    chmod 644 $(DESTDIR)$(UNITDIR)/$$u; \
	done
	install -m 644 systemd/precis.sysusers $(DESTDIR)$(SYSUSERSDIR)/precis.conf
	@# An existing configuration is the operator's: never overwritten.
	[ -e $(DESTDIR)$(SYSCONFDIR)/precis/precisd.conf ] || \
	    install -m 644 systemd/precisd.conf $(DESTDIR)$(SYSCONFDIR)/precis/
	@# Into the live system: the loader cache, and the precis group.
	if [ -z "$(DESTDIR)" ]; then \
	    ldconfig; \
	    if command -v systemd-sysusers >/dev/null 2>&1; then \
	        systemd-sysusers $(SYSUSERSDIR)/precis.conf; fi; \
	fi

uninstall:
	rm -f $(DESTDIR)$(INCLUDEDIR)/precis.h $(DESTDIR)$(LIBDIR)/libprecis.* \
	    $(DESTDIR)$(BINDIR)/precisd $(DESTDIR)$(BINDIR)/precis \
	    $(DESTDIR)$(MANDIR)/man1/precis.1 $(DESTDIR)$(MANDIR)/man8/precisd.8 \
	    $(DESTDIR)$(LIBDIR)/pkgconfig/precis.pc \
	    $(DESTDIR)$(UNITDIR)/precisd.service $(DESTDIR)$(UNITDIR)/precisd.socket \
	    $(DESTDIR)$(SYSUSERSDIR)/precis.conf
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)
	@# The configuration goes only as it was installed.
	if cmp -s systemd/precisd.conf $(DESTDIR)$(SYSCONFDIR)/precis/precisd.conf; then \
	    rm -f $(DESTDIR)$(SYSCONFDIR)/precis/precisd.conf; \
	    rmdir $(DESTDIR)$(SYSCONFDIR)/precis 2>/dev/null || true; \
	fi
	if [ -z "$(DESTDIR)" ]; then ldconfig; fi

clean:
	rm -rf build

# Dependency files of the objects (build/deb holds a package tree, whose
# sysusers.d is a directory).
-include $(shell find build -path build/deb -prune -o -type f -name '*.d' -print 2>/dev/null)
