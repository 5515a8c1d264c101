#!/bin/sh
# Replaying a file at recorded speed (issue 11, item 3).  A file whose
# first frames are dated 1970 and the next 2025 does not wait 55 years:
# the gap is skipped and said so on the status line.  The packet list's
# title shows the progress (percent, time in the file, speed); + doubles
# the speed, > replays the rest as fast as possible, to the end.  After
# the end a bad capture filter changes nothing, a good one reads the file
# again with it, frames numbered from 1.
. tests/screen/lib.sh
command -v python3 >/dev/null 2>&1 || { echo "needs python3" >&2; exit 77; }
python3 - "$T_DIR/gap.pcap" <<'PY' || t_fail "cannot write the gap file"
import struct, sys
eth = bytes([2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2]) + b"\x08\x06" + bytes(28)
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for t in (1, 2, 1735689600, 1735689601):
        f.write(struct.pack("<IIII", t, 0, len(eth), len(eth)) + eth)
PY
python3 tests/screen/mkpcap.py "$T_DIR/slow.pcap" 400 0.05 ||
    t_fail "mkpcap.py"

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_DIR/gap.pcap'"
t_wait 'end of file' 10 || t_fail "the 1970-2025 file did not end in 10 s"
t_cap | grep -q 'packets 4 ' || t_fail "not 4 packets"
t_wait 'gap of 1735689598 s in the file.s timestamps skipped' 5 ||
    t_fail "the skipped gap is not shown"
t_keys q
sleep 0.5
tmux -L "$T_SOCK" kill-server 2>/dev/null
T_SOCK="$T_SOCK-2"	# a server of its own: no race with the old one's exit

# 400 frames 50 ms apart: 20 s at recorded speed.
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_DIR/slow.pcap'"
t_wait '^ Packets [0-9]+-[0-9]+ of [0-9]+  following +[0-9]+%  0:00:0[0-9]/0:00:19  1x' 10 ||
    t_fail "no progress in the title"
t_keys +
t_wait '^speed: 2x recorded' 5 || t_fail "+ does not double the speed"
t_wait '  2x  \+ - >$' 5 || t_fail "the title does not show 2x"
t_cap | grep -q 'end of file' && t_fail "ended too early"
t_keys '>'
t_wait 'end of file' 5 || t_fail "> does not replay to the end"
t_wait '^ Packets [0-9]+-400 of 400  following +100%  0:00:19/0:00:19  fastest' 5 ||
    t_fail "the title does not show the end"
t_keys f C-u 'udp port (' Enter
t_wait '^filter not changed' 5 || t_fail "a bad filter after the end: no error"
t_cap | grep -q '  packets 400  ' || t_fail "a bad filter changed the counts"
t_keys f C-u 'udp port 1000' Enter
t_wait 'filter: udp port 1000 ' 5 || t_fail "the header does not show the new filter"
t_wait '  packets 200  drops 0  end of file' 10 ||
    t_fail "the file was not read again with the new filter"
t_wait '^ Packets [0-9]+-200 of 200  following +100%' 5 ||
    t_fail "the list does not end at frame 200 of 200"
t_keys Home
t_wait '^ Packets 1-' 5 || t_fail "Home: no frame 1"
t_cap | grep -E '^ +[0-9]+ [0-9:.]{15} IP ' | grep -q '\.1001:' &&
    t_fail "port 1001 listed after the re-read"
t_keys q
exit 0
