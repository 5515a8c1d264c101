#!/bin/sh
# A short fuzzing run of the decoders inside make test: builds
# tests/fuzz/fuzz-dec.c with only the decoder sources (cursor, decoders,
# text buffer) and runs it for ZB_FUZZ_SECONDS (20) seconds from the
# corpus seeds.  Skips when clang has no libFuzzer.  make fuzz is the long
# run over the full engine.

secs=${ZB_FUZZ_SECONDS:-20}
. tests/lib/corpus.sh
zb_corpus
. tests/lib/fuzz.sh

zb_need_libfuzzer "$tmp"
if ! clang -O1 -g -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=all -std=c11 -D_GNU_SOURCE -Isrc \
    -o "$tmp/fuzz-dec" tests/fuzz/fuzz-dec.c src/cur.c src/dec*.c \
    src/tbuf.c src/xmalloc.c; then
	echo "cannot build the fuzzer"
	exit 1
fi
tests/fuzz/run "$tmp/fuzz-dec" "$secs"
