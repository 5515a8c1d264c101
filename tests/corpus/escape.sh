#!/bin/sh
# Protection checked: no byte from a packet or a file name reaches stdout
# or stderr unescaped.  A hand-made capture (its name holds ESC [ 3 1 m)
# has frames whose payloads carry ESC, CSI (ESC [ and the C1 byte 0x9b),
# OSC title sets, BEL, DEL, NUL and bytes >= 0x80, DNS queries and
# answers whose names hold such bytes, a DHCP host name and a TCP payload
# with them.  For -P, -P -V -x, -b and -b -J: every byte written, on
# stdout and stderr, is printable ASCII, tab or newline (tcpdump's -x
# lines start with a tab, -A passes tabs and newlines); the text "\x1b" shows
# that the hostile bytes were printed (escaped), not dropped (in -P's DNS
# names tcpdump's "^[" and "M-" notation); every -J
# line parses as JSON; the file name is shown escaped.
#
# Can fail: checked by building zbtop with tbuf_esc() copying every byte
# unchanged but NUL (a copy of the tree in /tmp, not committed): the test
# then failed at -P on the raw ESC and 0x9b bytes of a DNS name.
. tests/lib/corpus.sh
zb_corpus python3
pcap=$(printf '%s/ev\033[31mil.pcap' "$tmp")

python3 - "$pcap" <<'EOP' || { echo "FAIL: cannot write the capture"; exit 1; }
import struct, sys
evil = b"\x1b[2J\x1b]0;pwned\x07\x9b1;1H\x1bc\x7f\x00\xff\xc2\x9b\x8d"
SRC, DST = bytes([198, 18, 0, 2]), bytes([198, 18, 0, 1])
def ip(proto, l4, src=SRC, dst=DST):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 1, 0, 64,
                       proto, 0, src, dst) + l4
def eth(l3, etype=b"\x08\x00"):
    return bytes([2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2]) + etype + l3
def udp(sport, dport, pl):
    return struct.pack("!HHHH", sport, dport, 8 + len(pl), 0) + pl
def tcp(sport, dport, pl):
    return struct.pack("!HHIIBBHHH", sport, dport, 1, 0, 0x50, 0x18,
                       8192, 0, 0) + pl
def name(*labels):
    return b"".join(bytes([len(l)]) + l for l in labels) + b"\x00"
qname = name(evil[:40], b"\x1b[31mred", b"com")
query = struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + qname + \
    struct.pack("!HH", 1, 1)
ans = struct.pack("!HHHHHH", 0x1234, 0x8180, 1, 2, 0, 0) + qname + \
    struct.pack("!HH", 1, 1) + \
    b"\xc0\x0c" + struct.pack("!HHIH", 5, 1, 60, len(qname)) + qname + \
    b"\xc0\x0c" + struct.pack("!HHIH", 16, 1, 60, len(evil) + 1) + \
    bytes([len(evil)]) + evil
dhcp = bytes([1, 1, 6, 0]) + b"\x00" * 232 + b"\x63\x82\x53\x63" + \
    bytes([53, 1, 1, 12, len(evil)]) + evil + bytes([255])
frames = [
    eth(ip(17, udp(5353, 53, query))),
    eth(ip(17, udp(53, 5353, ans))),
    eth(ip(17, udp(68, 67, dhcp), SRC, bytes([255] * 4))),
    eth(ip(6, tcp(40000, 80, b"GET /" + evil + b" HTTP/1.1\r\n\r\n"))),
    eth(ip(17, udp(9999, 9999, evil * 4))),
    eth(evil * 3, b"\x88\xb5"),
    eth(ip(17, udp(5353, 53, query[:30]))),
]
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, fr in enumerate(frames * 5):
        f.write(struct.pack("<IIII", 1700000000, i, len(fr), len(fr)) + fr)
EOP

# check WHAT FILE: only printable ASCII, tabs and newlines in FILE.
check() {
	python3 - "$2" <<'EOP' || { echo "FAIL: $1: unescaped bytes"; exit 1; }
import sys
b = open(sys.argv[1], "rb").read()
bad = [i for i, c in enumerate(b) if (c < 0x20 and c not in (0x09, 0x0a))
       or c >= 0x7f]
if bad:
    i = bad[0]
    print("%d bad bytes, first at %d: %r" % (len(bad), i, b[max(0, i - 20):i + 20]))
    sys.exit(1)
EOP
}

fail=0
run() {
	what=$1
	shift
	"$ZBTOP" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	echo "$what: exit $rc, $(wc -l <"$tmp/out") lines"
	[ $rc -eq 0 ] || { cat "$tmp/err"; echo "FAIL: $what: exit $rc"; exit 1; }
	check "$what stdout" "$tmp/out"
	check "$what stderr" "$tmp/err"
}

run "-P" -P -r "$pcap"
# DNS names as tcpdump shows them: ESC as "^[", bit 7 as "M-".
grep -q 'A? ^\[\[2J^\[\]0;pwned^GM-^\[1;1H' "$tmp/out" ||
    { echo "FAIL: -P: no escaped ESC shown"; exit 1; }
# One line a packet, and tcpdump's hex lines (tab first) for the frame of
# unknown type.
[ "$(grep -vc '^	' "$tmp/out")" -eq 35 ] ||
    { echo "FAIL: -P: not 35 packet lines"; exit 1; }
run "-P -V -x" -P -V -x -r "$pcap"
grep -q '\\x1b' "$tmp/out" || { echo "FAIL: -P -V: no escaped ESC"; exit 1; }
run "-X -A -e -vv" -X -e -vv -r "$pcap"
run "-A" -A -r "$pcap"
run "-b" -b -r "$pcap"
grep -q 'ev\\x1b\[31mil\.pcap' "$tmp/out" ||
    { echo "FAIL: -b: the file name is not shown escaped"; exit 1; }
run "-b -J" -b -J -r "$pcap"
python3 -c 'import json, sys; [json.loads(l) for l in sys.stdin]' \
    <"$tmp/out" || { echo "FAIL: -b -J: a line is not JSON"; exit 1; }
[ "$(grep -c '^{' "$tmp/out")" -ge 1 ] || { echo "FAIL: -J: no JSON"; exit 1; }
exit 0
