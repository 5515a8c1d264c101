#!/bin/sh
# A new snap length keeps the filter's meaning without looking its host
# names up again: the programs in force get the new length in their
# returns.  zbtop runs on lo in a private network and mount namespace
# whose /etc/hosts names zbtest-peer at start; the name is then taken
# out, and DNS cannot answer (no route), so a second lookup would fail
# with "unknown host".  "snaplen 100" from batch stdin must succeed (its
# answer on stdout, nothing on stderr), the filter must stay, and the -w
# file must hold the one packet sent to the peer afterwards, cut to 100.
. tests/lib/netns.sh
zb_need_root
zb_need unshare
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-snapnames.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
printf '127.0.0.1 localhost\n198.18.7.7 zbtest-peer\n' >"$tmp/hosts"
printf 'nameserver 198.19.0.53\noptions timeout:1 attempts:1\n' \
    >"$tmp/resolv"
ZBTOP=${ZBTOP:-./zbtop}
export tmp ZBTOP
# After the change: 300 bytes to zbtest-peer's address (kept, cut to 100)
# and to 127.0.0.1 (the filter drops it), all inside the namespace.
unshare -m -n sh -c '
	mount --bind "$tmp/hosts" /etc/hosts &&
	mount --bind "$tmp/resolv" /etc/resolv.conf &&
	ip link set lo up && ip addr add 198.18.7.7/32 dev lo || exit 3
	pad=$(head -c 300 /dev/zero | tr "\0" x)
	{ sleep 1.5
	  printf "127.0.0.1 localhost\n" >"$tmp/hosts"
	  echo "snaplen 100"
	  sleep 1
	  bash -c "echo $pad >/dev/udp/198.18.7.7/9; echo $pad >/dev/udp/127.0.0.1/9"
	  sleep 2; } | "$ZBTOP" -b --delay 1 --iterations 4 -i lo \
	    -w "$tmp/w.pcap" "host zbtest-peer" >"$tmp/out" 2>"$tmp/err"
' || { rc=$?; cat "$tmp/err" >&2; [ $rc -eq 3 ] &&
    { echo "cannot set up the namespace" >&2; exit 77; }
    echo "FAIL: zbtop exited $rc" >&2; exit 1; }
grep -q "^snaplen 100$" "$tmp/out" && [ ! -s "$tmp/err" ] || {
	echo "FAIL: snaplen 100 was not taken (looked the name up again?):" >&2
	cat "$tmp/err" >&2
	exit 1; }
grep "filter: " "$tmp/out" | tail -n 1 | grep -q "filter: host zbtest-peer " || {
	echo "FAIL: the filter changed" >&2; exit 1; }
# One UDP packet, to the peer, 329 bytes on the wire cut to 100 (its
# ICMP port unreachable is the peer's too); none to 127.0.0.1.
got=$(tcpdump -nn -r "$tmp/w.pcap" udp 2>/dev/null | wc -l)
[ "$got" -eq 1 ] || { echo "FAIL: $got UDP packets written, want 1" >&2
	exit 1; }
caplen=$(python3 -c 'import struct,sys
d=open(sys.argv[1],"rb").read()
print(struct.unpack("<I", d[24+8:24+12])[0])' "$tmp/w.pcap")
[ "$caplen" -eq 100 ] || { echo "FAIL: caplen $caplen, want 100" >&2; exit 1; }
exit 0
