#!/bin/sh
# tcpdump's options mean in zbtop what they mean in tcpdump (issue 10).
# On captures of the shared corpus (or the bundled sample), the output of
# zbtop and of the installed tcpdump must be equal, byte for byte, for:
# -d, -dd, -ddd and -O with a filter; -x, -xx, -X, -XX, -A; -e; -t to
# -ttttt, --nano, -#; -q; -S; -c; -F; --count ("N packets"); the long
# names --absolute-tcp-sequence-numbers, --packet-buffered and
# --list-data-link-types (refused before).  Not yet exact, so not
# compared here: -v (tcpdump's continuation lines of
# protocol details; parity.sh compares it with known differences).  -A
# failed on the sample before tcpdump's CR rule (a CR followed by one
# byte is left out).
# Also: -n, -nn, -l, -U are accepted; zbtop's old -n N, -d N, -e CMD are
# refused as extra filter words or taken as tcpdump's flags; -C and -W
# keep a ring of files with tcpdump's names, -G names files by time.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop
fail=0

files=tests/data/sample.pcap
for f in tcpdump/pcap/print-flags.pcap tcpdump/pcap/dns_tcp.pcap \
    packetnet/pcap/802.1ad_QinQ.pcap tcpdump/pcap/eapon1.pcap; do
	[ -f "$SHARED/corpus/$f" ] && files="$files $SHARED/corpus/$f"
done

# same FILE OPTS...: zbtop and tcpdump write the same standard output,
# once zbtop's additions where tcpdump decodes nothing (" {NBNS ...}" at
# a line's end, the kinds compare.awk lists) are taken out.
same() {
	f=$1
	shift
	tcpdump "$@" -r "$f" >"$tmp/want" 2>/dev/null
	"$ZBTOP" "$@" -r "$f" 2>"$tmp/err" </dev/null |
	    sed -E 's/ \{(TLS|QUIC|NBNS|LLMNR) .*\}$//' >"$tmp/got"
	zb_same "$tmp/want" "$tmp/got" "$* -r $f differs from tcpdump"
}

for f in $files; do
	for o in -x -xx -X -XX -A -e -t -tt -ttt -tttt -ttttt --nano -# -q -S \
	    --absolute-tcp-sequence-numbers --packet-buffered \
	    "-c 3" "-n -nn"; do
		# shellcheck disable=SC2086
		same "$f" -n $o
	done
done
f=$(echo "$files" | cut -d' ' -f2)
[ -n "$f" ] || f=tests/data/sample.pcap
for o in -d -dd -ddd "-d -O"; do
	# shellcheck disable=SC2086
	same "$f" $o "tcp port 80 or udp"
done
# Left in, the comment would make it "tcp and udp", which is nothing.
echo 'tcp # and udp' >"$tmp/filter"
same "$f" -n -F "$tmp/filter"
same "$f" --count
# tcpdump's long name of -L, against the loopback (root may list it);
# tcpdump lists on stderr, zbtop on stdout: both streams compared.
if tcpdump -L -i lo >"$tmp/want" 2>&1; then
	"$ZBTOP" --list-data-link-types -i lo >"$tmp/got" 2>&1 </dev/null
	cmp -s "$tmp/want" "$tmp/got" ||
	    { echo "FAIL: --list-data-link-types -i lo: $(cat "$tmp/got")"
	    fail=1; }
fi

# Accepted and harmless.
"$ZBTOP" -n -nn -l -U -K -N -r "$f" >/dev/null 2>&1 </dev/null ||
    { echo "FAIL: -n -nn -l -U -K -N refused"; fail=1; }
# zbtop's old "-n 5" is now tcpdump's -n and a filter word "5": an error
# from the filter, never five iterations.
if "$ZBTOP" -b -n 5 -r "$f" >/dev/null 2>&1 </dev/null; then
	echo "FAIL: -n 5 still taken as iterations"
	fail=1
fi

# -C 1 -W 3: files f0, f1, f2, reused in turn; each about 1 MB.  New
# files are made after the privilege drop, as tcpdump's: stay root here
# (the scratch directory is root's).
asroot=
[ "$(id -u)" -eq 0 ] && asroot="-Z root"
big=$tmp/big.pcap
if [ -x "${ZB_GENDIR:-obj/gen}/zbgen" ]; then
	"${ZB_GENDIR:-obj/gen}/zbgen" -w "$big" -n 40000 -S 1 >/dev/null
	"$ZBTOP" $asroot -r "$big" -w "$tmp/r.pcap" -C 1 -W 3 </dev/null \
	    >/dev/null 2>&1 || { echo "FAIL: -C -W exit status"; fail=1; }
	for i in 0 1 2; do
		[ -s "$tmp/r.pcap$i" ] || { echo "FAIL: no r.pcap$i"; fail=1; }
	done
	[ -e "$tmp/r.pcap3" ] && { echo "FAIL: -W 3 wrote r.pcap3"; fail=1; }
	n=0
	for i in 0 1 2; do
		c=$(tcpdump -r "$tmp/r.pcap$i" 2>/dev/null | wc -l)
		n=$((n + c))
		s=$(stat -c %s "$tmp/r.pcap$i")
		[ "$s" -le 1100000 ] || { echo "FAIL: r.pcap$i $s bytes"; fail=1; }
	done
	[ "$n" -gt 0 ] && [ "$n" -lt 40000 ] ||
	    { echo "FAIL: the ring kept $n packets"; fail=1; }
	echo "-C 1 -W 3: 3 files, $n of 40000 packets kept"
fi
# -G 1 -W 2 on a capture spanning seconds: strftime names, 2 kept.
slow=$SHARED/corpus/tcpdump/pcap/print-flags.pcap
if [ -f "$slow" ]; then
	"$ZBTOP" $asroot -r "$SHARED/corpus/tcpdump/pcap/eapon1.pcap" \
	    -w "$tmp/g-%H%M%S.pcap" -G 1 -W 2 </dev/null >/dev/null 2>&1 ||
	    { echo "FAIL: -G exit status"; fail=1; }
	n=$(ls "$tmp"/g-*.pcap 2>/dev/null | wc -l)
	[ "$n" -eq 2 ] || { echo "FAIL: -G 1 -W 2 left $n files"; fail=1; }
fi
[ $fail -eq 0 ] && echo "tcpdump options: same output as tcpdump"
exit $fail
