#!/bin/sh
# -b's text shows the filter as typed: "ip proto \udp" (libpcap's escape
# for a protocol name that is also a keyword) keeps its one backslash, as
# -J's "filter" and the screen show it, not "\\udp".  Still nothing raw
# reaches the output: a filter written with a tab shows "\x09", and every
# byte of standard output is printable ASCII or a newline.
. tests/lib/corpus.sh
zb_corpus
fail() { echo "FAIL: $*"; sed 's/^/    /' "$tmp/out"; exit 1; }

"$ZBTOP" -b --iterations 1 -r tests/data/sample.pcap 'ip proto \udp' \
    >"$tmp/out" 2>"$tmp/err" || fail "zbtop: $(cat "$tmp/err")"
grep -q 'filter: ip proto \\udp (epoch' "$tmp/out" ||
    fail "the filter is not shown as typed"
echo "shown: $(grep -o 'filter: [^(]*' "$tmp/out")"

"$ZBTOP" -b --iterations 1 -r tests/data/sample.pcap \
    "$(printf 'ip or\tnot ip')" >"$tmp/out" 2>"$tmp/err" ||
    fail "zbtop: $(cat "$tmp/err")"
grep -q 'filter: ip or\\x09not ip (epoch' "$tmp/out" ||
    fail "the tab is not shown as \\x09"
LC_ALL=C grep -q '[^ -~]' "$tmp/out" && fail "a byte other than printable ASCII"
echo "shown: $(grep -o 'filter: [^(]*' "$tmp/out")"
exit 0
