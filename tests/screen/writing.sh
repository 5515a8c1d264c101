#!/bin/sh
# The header names the -w file and the packets written to it: a capture
# of 300 frames 10 ms apart replayed at recorded speed with -w out.pcap;
# while it runs the header says "writing out.pcap (N packets)" with N
# between 1 and 299, and at the end of the file, the file closed, "wrote
# out.pcap (300 packets)", which is what tcpdump reads back from the file.
. tests/screen/lib.sh
t_slow 300 0.01
t_start "cd '$T_DIR' && LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW' --speed 1 -w out.pcap"
t_wait 'writing out\.pcap \(([1-9]|[1-9][0-9]|[12][0-9][0-9]) packets?\)' 10 ||
    t_fail "no 'writing out.pcap (N packets)' while replaying"
t_wait 'end of file' 15 || t_fail "the replay did not end"
t_wait 'wrote out\.pcap \(300 packets\)' 5 ||
    t_fail "no 'wrote out.pcap (300 packets)' at the end"
t_cap | sed -n 2p | grep -q 'writing' &&
    t_fail "the file is closed, the header still says writing"
if command -v tcpdump >/dev/null 2>&1; then
	n=$(tcpdump -r "$T_DIR/out.pcap" 2>/dev/null | wc -l)
	[ "$n" -eq 300 ] || t_fail "the file holds $n frames, not 300"
fi
t_keys q
exit 0
