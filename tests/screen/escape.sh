#!/bin/sh
# No byte from a packet reaches the terminal unescaped: DNS names and
# payloads carrying terminal controls (clear screen, set the window title,
# bell) show as escaped text in the list and the detail, and the pane's
# title and contents stay zbtop's.
. tests/screen/lib.sh
command -v python3 >/dev/null 2>&1 || { echo "needs python3" >&2; exit 77; }
pcap="$T_DIR/evil.pcap"
python3 - "$pcap" <<'EOP' || t_fail "cannot write the capture"
import struct, sys
evil = b"\x1b[2J\x1b]0;pwned\x07\x9b1;1H\x1bc"
def frame(udp_payload, dport):
    udp = struct.pack("!HHHH", 5353, dport, 8 + len(udp_payload), 0) + udp_payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0,
                     bytes([198, 18, 0, 2]), bytes([198, 18, 0, 1]))
    return bytes([2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2]) + b"\x08\x00" + ip + udp
label = evil[:63]
dns = struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + \
    bytes([len(label)]) + label + b"\x03com\x00" + struct.pack("!HH", 1, 1)
frames = [frame(dns, 53), frame(evil * 4, 9999)] * 20
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, fr in enumerate(frames):
        f.write(struct.pack("<IIII", 1700000000, i, len(fr), len(fr)) + fr)
EOP

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$pcap' --speed 0"
t_wait 'end of file' 10 || t_fail "no view"
sleep 0.5
title() { tmux -L "$T_SOCK" display-message -p '#{pane_title}'; }
t_cap | grep -q 'pwned' || t_fail "the DNS name is not shown at all"
# tcpdump's way in a DNS name (^[ for ESC, M- for the high half), \x1b
# in payload text: either, never the byte itself.
t_cap | grep -q '\\x1b\|\^\[' || t_fail "ESC is not shown escaped"
[ "$(title)" != pwned ] || t_fail "a packet set the terminal title"
t_cap | grep -q '^ Buffers ' || t_fail "the screen was cleared by a packet"
t_keys k Enter
t_wait '^ Packet [0-9]+ ' 5 || t_fail "no detail view"
t_keys End
sleep 0.5
t_cap | grep -q '^ Buffers ' && t_fail "detail not open"
[ "$(title)" != pwned ] || t_fail "the detail set the terminal title"
t_cap | grep -Eq '^zbtop .*\[file\]' || t_fail "the detail cleared the header"
t_keys Escape q
exit 0
