#!/bin/sh
# TCP options of a fixed size (mss, wscale, sackOK, echo, echoreply, TS)
# whose length byte says another size print as tcpdump 4.99 -n prints
# them, under "", -v and -x: the value read from the option's third byte,
# "[len L]" after it ("wscale 8[len 8]", "mss 0[len 2]", "sackOK[len
# 4]"), the next option read right after the value; the name and
# "[bad opt]" when the header ends before the value ("TS[bad opt]",
# the list closed only after a ","); sack blocks as "sack N {a:b}{c:d}"
# ("sack 0 " when empty) and "sack invalid sack" for a length not in
# 8-byte blocks.  Every kind 2 to 8 with every length 2 to 12, then an
# mss; sacks under -S; each also cut at every length inside its options
# ("sack 1  [|tcp]", "sack invalid sack, [|tcp]", or the list whole when
# the invalid sack's unread bytes end the header).  The captures are
# made here.
#
# Can fail: before, zbtop printed "[bad opt K len L]" for each, and
# echo and echoreply as bad options whatever their length.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop python3
python3 - "$tmp/opt.pcap" "$tmp/sack.pcap" <<'PY' || exit 1
import struct, sys


def cap(name, segs):
    out = [struct.pack('=IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]
    cut = out[:]
    for t, (flags, opts) in enumerate(segs, 1):
        opts += b'\x01' * (-len(opts) % 4)
        tcp = struct.pack('!HHIIBBHHH', 1234, 80, 1000, 5000,
            (5 + len(opts) // 4) << 4, flags, 1024, 0, 0) + opts
        ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), 1, 0,
            64, 6, 0, bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2]))
        f = bytes(12) + b'\x08\x00' + ip + tcp
        out.append(struct.pack('=IIII', 1, t, len(f), len(f)) + f)
        for n in range(54, len(f)):
            cut.append(struct.pack('=IIII', 1, t, n, len(f)) + f[:n])
    open(name, 'wb').write(b''.join(out))
    open(name + '.cut', 'wb').write(b''.join(cut))


cap(sys.argv[1], [(2, bytes([k, n]) + bytes(range(1, n - 1)) +
    b'\x02\x04\x05\xb4') for k in range(2, 9) for n in range(2, 13)])
blk = struct.pack('!IIII', 5100, 5200, 5300, 5400)
cap(sys.argv[2], [(0x10, b'\x01\x01\x05\x0a' + blk[:8]),
    (0x10, b'\x01\x01\x05\x12' + blk), (0x10, b'\x05\x02'),
    (0x10, b'\x05\x05abc')])
PY
fail=0
for o in "" -v -x; do
	# shellcheck disable=SC2086
	zb_vs_tcpdump "fixed-size options, other lengths," "$tmp/opt.pcap" $o
	# shellcheck disable=SC2086
	zb_vs_tcpdump "sack blocks," "$tmp/sack.pcap" -S $o
	# shellcheck disable=SC2086
	zb_vs_tcpdump "the same cut," "$tmp/opt.pcap.cut" $o
	# shellcheck disable=SC2086
	zb_vs_tcpdump "sack blocks cut," "$tmp/sack.pcap.cut" -S $o
done
exit $fail
