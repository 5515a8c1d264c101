#!/bin/sh
# Protection checked: line-buffered print mode (-l, -U; a terminal is the
# same) notices that the reader of "| head" went away at the next line,
# as block-buffered -P does (tests/corpus/sigpipe.sh).  glibc's fwrite
# counts a line as written when the flush of a line-buffered stream
# fails, so only ferror() tells (src/print.c, print_packet).  A replay
# at recorded speed that would last 20 s, piped into head -1, must exit
# 0 within 5 s, for ./zbtop and the ASan+UBSan build.
#
# Can fail: with print_packet checking fwrite's count alone, -l and -U
# ran on for the whole replay (20 s) after head had exited (a live
# capture ran on until the next signal): both failed here.
. tests/lib/corpus.sh
zb_corpus python3
python3 tests/screen/mkpcap.py "$tmp/slow.pcap" 200 0.1 ||
    { echo "FAIL: mkpcap.py"; exit 1; }

for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	for opt in -l -U; do
		t0=$(date +%s)
		{ timeout -k 2 15 "$z" "$opt" -r "$tmp/slow.pcap" --speed 1 \
		    2>"$tmp/err"; echo $? >"$tmp/rc"; } | head -n 1 >"$tmp/head"
		rc=$(cat "$tmp/rc") t=$(( $(date +%s) - t0 ))
		echo "$z $opt | head -1: exit $rc in ${t}s"
		[ -s "$tmp/head" ] || { echo "FAIL: head read nothing"; exit 1; }
		[ "$rc" -eq 0 ] && [ "$t" -le 5 ] || {
			echo "FAIL: $opt into a closed pipe: exit $rc after ${t}s"
			sed 's/^/    stderr: /' "$tmp/err"
			exit 1
		}
		! grep -q 'cannot write\|ERROR\|runtime error' "$tmp/err" ||
		    { echo "FAIL: error on stderr"; cat "$tmp/err"; exit 1; }
	done
done
exit 0
