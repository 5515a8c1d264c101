#!/bin/sh
# Protection checked: a name from the command line is shown once, as
# tcpdump shows it, yet never drives the terminal.  A backslash in a file
# name prints as one backslash (tcpdump prints names raw) in print
# mode's "reading from file" line, in the messages that quote the name
# (-r, -w and -F that cannot be opened) and in batch mode's header
# line; but a name holding a control byte, or the text "\x", is escaped
# throughout: ESC is "\x1b" and every backslash doubled, so "\x1b" in the
# output always stands for one byte (esc_str in src/tbuf.c, README
# Security).  No raw ESC reaches stderr or stdout.
#
# Can fail: before, every message and the reading line doubled the
# backslash ("cannot read d/n\\o.pcap") where tcpdump shows one.
. tests/lib/corpus.sh
zb_corpus zbtop
fail=0
esc=$(printf '\033')
cp tests/data/sample.pcap "$tmp/a\\b.pcap"
cp tests/data/sample.pcap "$tmp/e${esc}\\b.pcap"
cp tests/data/sample.pcap "$tmp/l\\x1b.pcap"

# $1: what; $2: the text expected (fixed string) in $tmp/out.
has() {
	if grep -F -q -e "$2" "$tmp/out" && ! grep -q "$esc" "$tmp/out"; then
		printf '%s: %s\n' "$1" "$2"
	else
		printf 'FAIL: %s: not "%s" (or a raw ESC) in:\n' "$1" "$2"
		cat -v "$tmp/out"
		fail=1
	fi
}
"$ZBTOP" -P -c 1 -r "$tmp/a\\b.pcap" >/dev/null 2>"$tmp/out" </dev/null
has "-r reading line" "reading from file $tmp/a\\b.pcap, link-type"
"$ZBTOP" -P -r "$tmp/n\\o.pcap" >/dev/null 2>"$tmp/out" </dev/null
has "-r missing" "zbtop: cannot read $tmp/n\\o.pcap: No such file"
"$ZBTOP" -P -r "$tmp/a\\b.pcap" -w "$tmp/no\\dir/x" >/dev/null \
    2>"$tmp/out" </dev/null
has "-w missing directory" "zbtop: cannot write $tmp/no\\dir/x: No such"
"$ZBTOP" -P -r "$tmp/a\\b.pcap" -F "$tmp/f\\f" >/dev/null 2>"$tmp/out" \
    </dev/null
has "-F missing" "zbtop: cannot read $tmp/f\\f: No such file"
"$ZBTOP" -b --iterations 1 -r "$tmp/a\\b.pcap" >"$tmp/out" 2>/dev/null \
    </dev/null
has "-b header" "zbtop file $tmp/a\\b.pcap, up"

# An ESC in the name: escaped, and then its backslash doubled.
"$ZBTOP" -P -c 1 -r "$tmp/e${esc}\\b.pcap" >/dev/null 2>"$tmp/out" \
    </dev/null
has "ESC in the name" "reading from file $tmp/e\\x1b\\\\b.pcap, link-type"
# The four characters \x1b in the name: the backslash doubled.
"$ZBTOP" -P -c 1 -r "$tmp/l\\x1b.pcap" >/dev/null 2>"$tmp/out" </dev/null
has "\\x1b in the name" "reading from file $tmp/l\\\\x1b.pcap, link-type"
"$ZBTOP" -b --iterations 1 -r "$tmp/e${esc}\\b.pcap" >"$tmp/out" \
    2>/dev/null </dev/null
has "-b header, ESC" "zbtop file $tmp/e\\x1b\\\\b.pcap, up"
exit $fail
