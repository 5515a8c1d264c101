#!/bin/sh
# A short fuzzing run of the capture-file reading path (tests/fuzz/
# fuzz-file.c: a whole pcap/pcapng file through the file backend, the
# zbuf model and dec_summary) for ZB_FUZZ_SECONDS (20) seconds.  Seeds:
# the shared corpus files and the start of tests/data/sample.pcap, each
# cut to 8 KiB.  Builds the fuzzer here unless ZB_FUZZ_FILE_BIN names one
# (make fuzz does).  Skips when clang has no libFuzzer.  A crash, a
# sanitizer report or a hang (the target aborts after 5 s without
# progress) leaves the input in obj/fuzz-crashes/ and fails.
#
# Can fail: with the escaping in dec_summary's string paths or the
# record-length checks in libpcap/cap-file's reader removed, the target
# aborts (it was checked by making fuzz-file.c's fuzz_check reject '.',
# which made this fail within the first seconds).

secs=${ZB_FUZZ_SECONDS:-20}
top=$(pwd)
SHARED=${SHARED:-$top/../shared}
. tests/lib/corpus.sh
zb_corpus
. tests/lib/fuzz.sh

fuzzer=$ZB_FUZZ_FILE_BIN
if [ -z "$fuzzer" ]; then
	zb_need_libfuzzer "$tmp"
	fuzzer=$tmp/fuzz-file
	# shellcheck disable=SC2046
	if ! clang -O1 -g -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=all -std=c11 -D_GNU_SOURCE \
	    $(pkg-config --cflags libpcap) -Isrc -o "$fuzzer" \
	    tests/fuzz/fuzz-file.c src/cap*.c src/zmodel.c src/bpfz.c \
	    src/bpfsys-fake.c src/compat-stdio.c src/cur.c \
	    src/dec*.c src/tbuf.c src/xmalloc.c \
	    $(pkg-config --libs libpcap) -lpthread -lm; then
		echo "cannot build the fuzzer"
		exit 1
	fi
fi

mkdir -p "$tmp/corpus" "$tmp/seeds" "$top/obj/fuzz-crashes"
i=0
for f in "$SHARED"/corpus/*/pcap/* tests/data/sample.pcap; do
	[ -f "$f" ] || continue
	i=$((i + 1))
	head -c 8192 "$f" >"$tmp/seeds/seed$i"
done

"$fuzzer" -max_total_time="$secs" -max_len=8192 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$top/obj/fuzz-crashes/file-" \
    "$tmp/corpus" "$tmp/seeds" 2>"$tmp/log"
rc=$?
grep -E '^(#[0-9]+ *DONE|Done|stat::number_of_executed_units|==[0-9]+==)' \
    "$tmp/log" | tail -n 5
if [ $rc -ne 0 ]; then
	echo "fuzzer failed (exit $rc); inputs in $top/obj/fuzz-crashes/" >&2
	tail -n 40 "$tmp/log" >&2
	exit 1
fi
exit 0
