#!/bin/sh
# Every capture of the shared corpus, malformed ones included, through the
# sanitizer build in print mode with hex and tree (-P -x -V).  Each run must
# end with exit 0, or exit 1 and one line "zbtop: ..." on stderr (a file
# the reader refuses; besides it only the "captured=" counters line and
# tcpdump's "reading from file ..." first line, with its SLL2 warning);
# never a sanitizer report, never a crash or a timeout.
# The output must hold no control byte other than newline and no byte
# above 0x7e: packet bytes reach the terminal only escaped.

. tests/lib/corpus.sh
zb_corpus san corpus
set -- "$SHARED"/corpus/*/pcap/*
fail=0 n=0

for f; do
	n=$((n + 1))
	timeout 60 "$ZBTOP_SAN" -P -x -V -r "$f" >"$tmp/out" 2>"$tmp/err" \
	    </dev/null
	rc=$?
	name=${f#"$SHARED"/corpus/}
	if grep -q 'runtime error\|AddressSanitizer\|LeakSanitizer' \
	    "$tmp/err"; then
		echo "FAIL $name: sanitizer report"
		sed -n '1,20p' "$tmp/err"
		fail=1
		continue
	fi
	case $rc in
	0)	;;
	1)	# One error line; print mode's closing counters may go
		# to stderr too ("captured=N ..."), after tcpdump's first
		# line (and its SLL2 warning).
		if [ "$(grep -c '^zbtop: ' "$tmp/err")" -ne 1 ] ||
		    grep -v -e '^zbtop: \|^captured=\|^reading from file ' \
		    -e '^Warning: interface names might be incorrect$' \
		    "$tmp/err" | grep -q .; then
			echo "FAIL $name: exit 1 without one 'zbtop: ' line"
			sed -n '1,5p' "$tmp/err"
			fail=1
		fi ;;
	*)	echo "FAIL $name: exit status $rc"
		sed -n '1,5p' "$tmp/err"
		fail=1
		continue ;;
	esac
	# Tabs are tcpdump's: they start each -x line.
	if LC_ALL=C grep -n "[^	 -~]" "$tmp/out" >"$tmp/bad"; then
		echo "FAIL $name: control or non-ASCII bytes in the output:"
		sed -n '1,3p' "$tmp/bad" | od -c | sed -n '1,6p'
		fail=1
	fi
done
echo "$n files decoded"
exit $fail
