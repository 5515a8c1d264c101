#!/bin/sh
# The interface's drops in --metrics are this capture's, as on the exit
# summary and the batch snapshot: not what rx_dropped counted before zbtop
# started.  By construction: before zbtop starts, 7 frames of an
# ethertype nothing handles (0x88b5, local experimental) reach the
# capture end, which counts each in rx_dropped; then zbtop -b
# --metrics-file captures 100 test frames, and with its packet socket
# open nothing more is dropped there.  Expected: rx_dropped delta over
# the run 0; the metrics file's zbtop_drops_total{where="interface"} 0;
# the last snapshot's "interface 0 (rx_dropped)"; captured=100.
. tests/lib/netns.sh
zb_testbed python3
N=100
zb_in_gen python3 -c '
import socket
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("'"$ZB_IF_GEN"'", 0))
f = bytes.fromhex("020000000001020000000002") + b"\x88\xb5" + bytes(46)
for i in range(7):
    s.send(f)
' || zb_fail "cannot send the 0x88b5 frames"
sleep 0.2
rx0=$(zb_ifstat "$ZB_NS_CAP" "$ZB_IF_CAP" rx_dropped)
[ "$rx0" -ge 7 ] || zb_fail "rx_dropped is $rx0 before zbtop, not 7 or more"
# The -Z user writes the file.
chmod 0777 "$ZB_TMP"
zb_zbtop_bound zbuf --metrics-file "$ZB_TMP/m.prom"
zb_send zbuf $N 5000
sleep 0.3
zb_zbtop_stop zbuf 0
rx1=$(zb_ifstat "$ZB_NS_CAP" "$ZB_IF_CAP" rx_dropped)
[ "$(zb_field captured "$ZB_LAST")" = $N ] || zb_fail "captured is not $N"
[ "$rx1" = "$rx0" ] || zb_fail "rx_dropped grew by $((rx1 - rx0))"
m=$(sed -n 's/^zbtop_drops_total{.*where="interface"} //p' "$ZB_TMP/m.prom")
echo "rx_dropped $rx0 before, $rx1 after; metrics: interface drops $m"
[ "$m" = 0 ] || zb_fail "metrics: $m interface drops, not 0"
grep 'interface [0-9]* (rx_dropped)' "$ZB_OUT" | tail -n 1 |
    grep -q 'interface 0 (rx_dropped)' ||
    zb_fail "the last snapshot's interface drops are not 0"
exit 0
