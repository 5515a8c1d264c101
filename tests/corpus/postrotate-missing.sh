#!/bin/sh
# Protection checked: -z names a command that must exist; a misspelt one
# (or one with arguments, which tcpdump's -z never took: it runs
# "command file" without a shell) ends zbtop at start with one line and
# exit 1, before any file is written (after tcpdump's "reading from file"
# line, which print mode writes first).  A real command still runs on
# every file closed.
#
# Can fail: with src/pcapw.c spawning -z unchecked, "-z /nonexistent"
# and "-z 'gzip -9'" captured and rotated with no word at all, and no
# file was ever compressed.
. tests/lib/corpus.sh
ZB_GENDIR=${ZB_GENDIR:-obj/gen}
[ -x "$ZB_GENDIR/zbgen" ] || { echo "needs $ZB_GENDIR/zbgen" >&2; exit 77; }
zb_corpus
chmod 0777 "$tmp"
"$ZB_GENDIR/zbgen" -w "$tmp/in.pcap" -n 30000 -s 100 >/dev/null ||
    { echo "FAIL: zbgen"; exit 1; }
chmod 0644 "$tmp/in.pcap"

for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	for cmd in /nonexistent/cmd 'gzip -9' /; do
		rm -rf "$tmp/out" && mkdir -m 0777 "$tmp/out"
		"$z" -r "$tmp/in.pcap" -C 1 -w "$tmp/out/f" -z "$cmd" \
		    >/dev/null 2>"$tmp/err"
		rc=$?
		echo "-z '$cmd': exit $rc: $(cat "$tmp/err")"
		[ $rc -eq 1 ] || { echo "FAIL: exit $rc, not 1"; exit 1; }
		[ "$(grep -vc '^reading from file ' "$tmp/err")" -eq 1 ] &&
		    grep -q "^zbtop: -z $cmd: no such command" "$tmp/err" ||
		    { echo "FAIL: not one line naming -z"; exit 1; }
		[ -z "$(ls "$tmp/out")" ] || { echo "FAIL: files written"; exit 1; }
	done
	# A command that exists runs on every closed file, as before.
	cat >"$tmp/post.sh" <<'EOS'
#!/bin/sh
echo "$1" >>"${1%/*}/closed"
EOS
	chmod 0755 "$tmp/post.sh"
	rm -rf "$tmp/out" && mkdir -m 0777 "$tmp/out"
	"$z" -r "$tmp/in.pcap" -C 1 -w "$tmp/out/f" -z "$tmp/post.sh" \
	    >/dev/null 2>"$tmp/err" || { echo "FAIL: -z post.sh"; cat "$tmp/err"; exit 1; }
	i=0
	while [ "$(wc -l <"$tmp/out/closed" 2>/dev/null || echo 0)" -lt 3 ] &&
	    [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	n=$(wc -l <"$tmp/out/closed" 2>/dev/null || echo 0)
	echo "-z post.sh: $n files closed"
	[ "$n" -ge 3 ] || { echo "FAIL: -z ran $n times, not 3"; exit 1; }
done
exit 0
