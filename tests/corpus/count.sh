#!/bin/sh
# Every capture in the shared corpus (plus two cut short here) through
# "zbtop -b -r FILE" under ASan+UBSan: the last stdout line must be
# captured=N with N what libpcap reads (tcpdump --count).  Where libpcap
# stops with an error, N is the count before it, and zbtop must also say
# why on exactly one "zbtop: " line of stderr and exit non-zero; a file
# libpcap cannot open gives just that line.  No sanitizer report anywhere.

. tests/lib/corpus.sh
zb_corpus tcpdump san corpus
zbtop=$ZBTOP_SAN shared=$SHARED
set -- "$shared"/corpus/*/pcap/*

# Two files cut inside a record: errors after some packets were read.
n=0
for f in "$shared"/corpus/tcpdump/pcap/*.pcap; do
	size=$(wc -c <"$f")
	[ "$size" -gt 20000 ] || continue
	n=$((n + 1))
	head -c $((size * 2 / 3)) "$f" >"$tmp/cut$n.pcap"
	set -- "$@" "$tmp/cut$n.pcap"
	[ "$n" -lt 2 ] || break
done

fail=0 files=0 errs=0
for f in "$@"; do
	files=$((files + 1))
	want=$(tcpdump --count -r "$f" 2>/dev/null | sed -n \
	    's/^\([0-9][0-9]*\) packets*$/\1/p')
	tcpdump --count -r "$f" >/dev/null 2>&1
	trc=$?
	timeout -k 5 60 "$zbtop" -b -r "$f" >"$tmp/out" 2>"$tmp/err" </dev/null
	zrc=$?
	got=$(tail -n 1 "$tmp/out" | sed -n 's/^captured=\([0-9][0-9]*\).*/\1/p')
	why=""
	if grep -q -E 'Sanitizer|runtime error' "$tmp/err"; then
		why="sanitizer report"
	elif [ "$zrc" -ge 124 ]; then
		why="hung or crashed (exit $zrc)"
	elif [ "$trc" -eq 0 ]; then
		if [ "$zrc" -ne 0 ]; then
			why="exit $zrc"
		elif [ "$got" != "$want" ]; then
			why="captured=${got:-none}, libpcap reads $want"
		fi
	else
		errs=$((errs + 1))
		if [ "$zrc" -eq 0 ]; then
			why="exit 0, libpcap fails"
		elif [ "$(wc -l <"$tmp/err")" -ne 1 ] ||
		    ! grep -q '^zbtop: .' "$tmp/err"; then
			why="stderr is not one \"zbtop: \" line"
		elif [ -n "$want" ] && [ "$got" != "$want" ]; then
			why="captured=${got:-none}, libpcap reads $want then fails"
		fi
	fi
	if [ -n "$why" ]; then
		fail=$((fail + 1))
		echo "FAIL ${f#"$shared"/corpus/}: $why"
		sed -n '1,5p' "$tmp/err" | sed 's/^/    /'
	fi
done
echo "$files files ($errs libpcap errors), $fail failed"
[ "$fail" -eq 0 ]
