#!/bin/sh
# -c on the screen: after COUNT packets the capture stops and the header
# says so, as it says "end of file" for a file (a tcpdump user's -c 100:
# the screen stays for reading, but must not look like a live capture).
# zbgen sends 300 frames; zbtop -c 100 keeps 100 and says "capture ended".
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live "-c 100"
sleep 1
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 300 -r 1000 >/dev/null 2>&1 ||
    t_fail "zbgen failed"
t_wait 'packets 100  drops 0' 10 || t_fail "no 100 packets"
t_wait 'capture ended' 3 || t_fail "-c 100 reached, but the header does not say the capture ended"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
