#!/bin/sh
# Once -c has stopped the capture the -w file is closed: the header says
# "wrote out.pcap (100 packets)", as tcpdump -c -w is done with its file
# by then, and no longer "writing".  The file holds those 100 packets.
# Can fail: the header kept saying "writing out.pcap (100 frames)" after
# the file was closed.
. tests/screen/lib.sh
t_sample
t_start "cd '$T_DIR' && LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0 -c 100 -w out.pcap; echo zbtop exited \$?; sleep 600"
t_wait '  packets 100  drops 0' 15 || t_fail "no 100 packets"
t_wait 'capture ended' 5 || t_fail "the header does not say the capture ended"
t_wait '  wrote out\.pcap \(100 packets\)' 5 ||
    t_fail "no 'wrote out.pcap (100 packets)' once -c stopped the capture"
t_cap | sed -n 2p | grep -q 'writing' &&
    t_fail "the header still says writing"
n=$("$ZBTOP" -r "$T_DIR/out.pcap" --count 2>/dev/null | tail -n 1 |
    awk '{ print $1 }')
[ "$n" = 100 ] || t_fail "the file holds $n packets, not 100"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
