#!/bin/sh
# A file is browsable from frame 1 to the last (issue 11, item 3): a
# 20,000-frame file replayed with --keep 1, so that the ring keeps only
# the newest few thousand frames; Home still shows frame 1 (read back
# through the file's index), the rows run 1, 2, 3... with no "not kept"
# row, PgDn goes on through the file, Enter opens a frame the ring no
# longer holds, a display filter works on the file's frames, and End
# shows frame 20000 again.
. tests/screen/lib.sh
command -v python3 >/dev/null 2>&1 || { echo "needs python3" >&2; exit 77; }
python3 tests/screen/mkpcap.py "$T_DIR/big.pcap" 20000 0.0001 ||
    t_fail "mkpcap.py"
rows() { t_cap | grep -E '^ +[0-9]+ [0-9:.]{15} IP '; }

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_DIR/big.pcap' --speed 0 --keep 1"
t_wait 'end of file' 15 || t_fail "the replay did not end"
t_wait '^ Packets [0-9]+-20000 of 20000  following' 5 ||
    t_fail "the list does not end at frame 20000"
t_keys Home
t_wait '^ Packets 1-[0-9]+ of 20000  scrolled' 5 ||
    t_fail "Home does not show frame 1"
t_cap | grep -q 'not kept' && t_fail "a not-kept row in a file"
rows | awk '$1 != NR { exit 1 }' || t_fail "the rows are not 1, 2, 3..."
rows | head -n 1 | grep -q '^ *1 [0-9:.]* IP 198\.18\.0\.2\.9 > 198\.18\.0\.1\.1001:' ||
    t_fail "frame 1 is not the file's first record"
t_keys NPage NPage
t_wait '^ Packets [1-9][0-9]+-' 5 || t_fail "PgDn does not move through the file"
t_keys Enter
t_wait '^ Packet [0-9]+  2023-11-14 22:13:20' 5 ||
    t_fail "no detail of a frame read back from the file"
t_keys Escape
t_keys '\' 'udp port 1000' Enter
t_keys Home
t_wait '^ Packets 2-[0-9]+ of 20000  display: udp port 1000' 5 ||
    t_fail "the display filter does not apply to the file's frames"
rows | awk '$1 % 2 != 0 { exit 1 }' || t_fail "an odd frame shown"
t_keys End
t_wait '^ Packets [0-9]+-20000 of 20000' 5 || t_fail "End does not go back"
t_keys q
exit 0
