#!/bin/sh
# Protection checked: while -w writes a file, "snaplen N" above the snap
# length its header states is refused with one line (and the capture
# goes on), because libpcap cuts a longer record to the header's snap
# length when reading the file back; a lower one is taken.  The file
# holds every frame, none longer than its header says.
#
# Can fail: without the check in src/engine-req.c (REQ_SNAPLEN),
# "-s 100 -w F" then "snaplen 2000" wrote 1000-byte records under a
# header of 100, and tcpdump -r F showed them cut to 100 bytes.
. tests/lib/netns.sh
zb_testbed tcpdump python3
pcap="$ZB_TMP/w.pcap"
# big: 100 frames of 1000 bytes.
big() {
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 100 -r 1000 -s 1000 \
	    -T 30 >/dev/null || zb_fail "zbgen"
}
zb_zbtop_bound zbuf -s 100 -w "$pcap"
big
echo "snaplen 2000" >&9
sleep 1
grep -q '^zbtop: snaplen 2000: the -w file says 100' "$ZB_ERR" ||
    { cat "$ZB_ERR" >&2; zb_fail "snaplen 2000 not refused"; }
big
echo "snaplen 60" >&9
sleep 1
big
sleep 1
zb_zbtop_stop zbuf 0
[ "$(grep -c '^zbtop:' "$ZB_ERR")" -eq 1 ] ||
    { cat "$ZB_ERR" >&2; zb_fail "not exactly one message"; }
[ "$(zb_field captured "$ZB_LAST")" -eq 300 ] || zb_fail "captured not 300"
python3 - "$pcap" <<'EOP' || zb_fail "records longer than the header"
import struct, sys
d = open(sys.argv[1], "rb").read()
snap = struct.unpack("<I", d[16:20])[0]
off, n, big = 24, 0, 0
while off < len(d):
    c = struct.unpack("<I", d[off + 8:off + 12])[0]
    n += 1
    big += c > snap
    off += 16 + c
print("header snaplen %d, %d records, %d longer" % (snap, n, big))
sys.exit(0 if snap == 100 and n == 300 and big == 0 else 1)
EOP
exit 0
