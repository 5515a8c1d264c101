# zbtop: build, test, benchmark.  Plain make; libraries through pkg-config.
#
#   make            ./zbtop
#   make test       every test: unit, corpus, screen, live (root), under
#                   ASan+UBSan where it matters; ends "N passed, N failed"
#   make bench      ../shared/bench/capbench beside the floors and tcpdump
#   make soak       tests/live/soak.sh with 10 million frames (root)
#   make fuzz       the decoder and capture-file fuzzers, FUZZ_SECONDS each
#   make install    PREFIX, DESTDIR
#   make check-freebsd   compile the FreeBSD-only files with clang for
#                   FreeBSD 14 against FREEBSD_SYSROOT (skipped without)
#
# On FreeBSD use GNU make (gmake): ncurses and libpcap are in base, libedit
# comes from pkg and pkg-config.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/sbin
MANDIR	?= $(PREFIX)/share/man
CC	?= cc
PKG_CONFIG ?= pkg-config
SHARED	?= ../shared
FUZZ_SECONDS ?= 60

ZB_OS	:= $(shell uname -s)
ifeq ($(ZB_OS),FreeBSD)
PKGS	 = libedit libmicrohttpd
# Base ncurses is the wide one, but its curses.h declares the wide calls
# (get_wch, addnwstr) only under _XOPEN_SOURCE_EXTENDED, as FreeBSD's own
# lib/ncurses builds it; Linux gets _XOPEN_SOURCE=600 from ncursesw.pc.
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS)) -D_XOPEN_SOURCE_EXTENDED
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS)) -lncursesw -lpcap
PCAP_LIBS  := -lpcap
else
PKGS	 = ncursesw libpcap libedit libmicrohttpd
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS))
PCAP_LIBS  := $(shell $(PKG_CONFIG) --libs libpcap)
endif
FREEBSD_SYSROOT ?=
FREEBSD_TARGET ?= x86_64-unknown-freebsd14

CFLAGS	?= -O2 -g
WARN	 = -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wformat=2 \
	   -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter \
	   -Wno-format-truncation
ZCFLAGS	 = -std=c11 -D_GNU_SOURCE $(WARN) $(PKG_CFLAGS) -MMD -MP
SANFLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer
LIBS	 = $(PKG_LIBS) -lpthread -lm

# The screen and the prompt are the only files that see ncurses and libedit;
# everything else is the engine, which the unit tests link without them.
UI_SRCS	 = $(wildcard src/screen*.c src/pane-*.c src/prompt.c)
# The metrics server is the only file that sees libmicrohttpd; the unit
# tests check the renderer (metrics.c) without it.
UI_SRCS	+= $(wildcard src/metrics-serve.c)
# main and its command line: neither is linked into the unit tests.
MAIN_SRC = src/zbtop.c src/opts.c src/opts-set.c src/opts-check.c
# Per-OS files: the FreeBSD system calls, or Linux's sockets and rings
# (cap-bpf.c runs on Linux too, over the fake /dev/bpf in bpfsys-fake.c).
# The packet-socket list is sock_diag and /proc on Linux, sysctl
# net.bpf.stats on FreeBSD (psock-bpf.c); psock-cols.c and psock-xbpf.c
# are shared.
BSD_ONLY = src/bpfc-freebsd.c src/bpfsys-freebsd.c src/priv-freebsd.c \
	   src/psock-bpf.c
LINUX_ONLY = src/cap-zbuf.c src/cap-zbuf-steer.c src/cap-zbuf-walk.c \
	   src/cap-copy.c src/cap-copy-recv.c src/cap-linux.c \
	   src/cap-linux-filter.c src/bpfsys-fake.c src/priv.c \
	   src/psock.c src/psock-ns.c src/psock-ring.c src/psock-attach.c
ifeq ($(ZB_OS),FreeBSD)
OS_OUT	 = $(LINUX_ONLY)
else
OS_OUT	 = $(BSD_ONLY)
endif
ENG_SRCS = $(filter-out $(UI_SRCS) $(MAIN_SRC) $(OS_OUT), $(wildcard src/*.c))
UNIT_SRCS = $(wildcard tests/unit/test-*.c)
GEN_SRCS = $(wildcard tests/gen/*.c)

OBJ	 = obj
SAN	 = obj-san
ENG_OBJS = $(ENG_SRCS:src/%.c=$(OBJ)/%.o)
UI_OBJS	 = $(UI_SRCS:src/%.c=$(OBJ)/%.o)
SENG_OBJS = $(ENG_SRCS:src/%.c=$(SAN)/%.o)
SUI_OBJS = $(UI_SRCS:src/%.c=$(SAN)/%.o)
MAIN_OBJS = $(MAIN_SRC:src/%.c=$(OBJ)/%.o)
SMAIN_OBJS = $(MAIN_SRC:src/%.c=$(SAN)/%.o)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(SAN)/unit/%)
GEN_BINS = $(GEN_SRCS:tests/gen/%.c=$(OBJ)/gen/%)

all: zbtop

zbtop: $(ENG_OBJS) $(UI_OBJS) $(MAIN_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(OBJ)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ZCFLAGS) -c -o $@ $<

$(SAN)/zbtop: $(SENG_OBJS) $(SUI_OBJS) $(SMAIN_OBJS)
	$(CC) $(SANFLAGS) -o $@ $^ $(LIBS)

$(SAN)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(SANFLAGS) $(ZCFLAGS) -c -o $@ $<

$(SAN)/unit/%: tests/unit/%.c $(SENG_OBJS)
	@mkdir -p $(@D)
	$(CC) $(SANFLAGS) $(ZCFLAGS) -Isrc -Itests/lib -o $@ $< $(SENG_OBJS) \
	    $(PCAP_LIBS) -lpthread -lm

$(OBJ)/gen/%: tests/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ZCFLAGS) -o $@ $<

$(OBJ)/bench-dec: tests/bench/bench-dec.c $(ENG_OBJS)
	$(CC) $(CFLAGS) $(ZCFLAGS) -Isrc -o $@ $< $(ENG_OBJS) $(PCAP_LIBS) \
	    -lpthread -lm

$(OBJ)/fuzz-dec: tests/fuzz/fuzz-dec.c $(ENG_SRCS)
	@mkdir -p $(@D)
	clang -O1 -g -fsanitize=fuzzer,address,undefined -std=c11 \
	    -D_GNU_SOURCE $(PKG_CFLAGS) -Isrc -o $@ $^ $(PCAP_LIBS) -lpthread -lm

$(OBJ)/fuzz-file: tests/fuzz/fuzz-file.c $(ENG_SRCS)
	@mkdir -p $(@D)
	clang -O1 -g -fsanitize=fuzzer,address,undefined -std=c11 \
	    -D_GNU_SOURCE $(PKG_CFLAGS) -Isrc -o $@ $^ $(PCAP_LIBS) -lpthread -lm

test-build: zbtop $(SAN)/zbtop $(UNIT_BINS) $(GEN_BINS)

test: test-build
	@tests/run tests/unit tests/docs tests/corpus tests/screen tests/live

test-unit test-docs test-corpus test-screen test-live: test-build
	@tests/run tests/$(@:test-%=%)

# The long soak: 10 million frames through the screen (needs root).
soak: test-build
	ZB_SOAK_N=10000000 ZBTOP=$(CURDIR)/zbtop ZB_GENDIR=$(CURDIR)/$(OBJ)/gen \
	    tests/live/soak.sh

fuzz: $(OBJ)/fuzz-dec $(OBJ)/fuzz-file
	tests/fuzz/run $(OBJ)/fuzz-dec $(FUZZ_SECONDS)
	ZB_FUZZ_FILE_BIN=$(OBJ)/fuzz-file ZB_FUZZ_SECONDS=$(FUZZ_SECONDS) \
	    tests/corpus/fuzz-file-brief.sh

bench: zbtop $(GEN_BINS) $(OBJ)/bench-dec
	tests/bench/run $(SHARED)

# The FreeBSD-only files, and the ones whose FreeBSD branch (#ifdef) they
# select, against a FreeBSD header set; bpfc-freebsd.c (in BSD_ONLY)
# checks bpfc.h's ABI values and layouts against <net/bpf.h> and
# <net/bpfdesc.h> there.  Then engine files that once leaned on glibc
# (AF_INET6 through <arpa/inet.h>, environ in <unistd.h>) or need FreeBSD
# 13-14 headers (<sys/eventfd.h>, <endian.h>), compat-stdio.c's funopen(3)
# branch and the file backend that reads a pipe through it; the sockets
# list's shared files.  No headers are shipped.
BSD_CHECK = $(BSD_ONLY) src/cap-bpf.c src/bpfz.c src/cap.c src/zmodel.c \
	    src/filter-names.c src/pcapw-ring.c src/engine.c src/work.c \
	    src/compat-stdio.c src/cap-file.c src/cap-file-prod.c \
	    src/psock-cols.c src/psock-xbpf.c src/sockets.c
check-freebsd:
	@if [ -z "$(FREEBSD_SYSROOT)" ] || \
	    [ ! -f "$(FREEBSD_SYSROOT)/usr/include/net/bpf.h" ]; then \
		echo "check-freebsd: skipped: set FREEBSD_SYSROOT to a" \
		    "FreeBSD 14 root with usr/include/net/bpf.h"; \
	else \
		for f in $(BSD_CHECK); do \
			echo "clang --target=$(FREEBSD_TARGET) $$f"; \
			clang --target=$(FREEBSD_TARGET) \
			    --sysroot=$(FREEBSD_SYSROOT) -std=c11 $(WARN) \
			    -Wno-unknown-warning-option -fsyntax-only -Isrc \
			    $$f || exit 1; \
		done; \
		echo "check-freebsd: $(words $(BSD_CHECK)) files compile"; \
	fi

install: zbtop
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man8
	install -m 755 zbtop $(DESTDIR)$(BINDIR)/zbtop
	install -m 644 man/zbtop.8 $(DESTDIR)$(MANDIR)/man8/zbtop.8

clean:
	rm -rf $(OBJ) $(SAN) zbtop

-include $(wildcard $(OBJ)/*.d $(SAN)/*.d)

.PHONY: all test test-build test-unit test-docs test-corpus test-screen test-live \
	soak fuzz bench install clean check-freebsd
