#!/bin/sh
# The lines after the screen speak as tcpdump's do: "1 packet captured",
# "1 packet received by filter", "0 packets dropped by kernel ...".
# Can fail: they said "1 packets" whatever the count.
. tests/screen/lib.sh
t_sample
"$ZBTOP" -r "$T_PCAP" -c 1 -w "$T_DIR/one.pcap" -P >/dev/null 2>&1 ||
    t_fail "cannot cut a one-packet file"
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_DIR/one.pcap' --speed 0; echo zbtop exited \$?; sleep 600"
t_wait "  packets 1  drops 0  end of file" 20 || t_fail "the packet not replayed"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "no clean exit"
t_cap | grep -qx "1 packet captured" || t_fail "no '1 packet captured'"
t_cap | grep -qx "1 packet received by filter" ||
    t_fail "no '1 packet received by filter'"
t_cap | grep -q "^0 packets dropped by kernel" ||
    t_fail "no '0 packets dropped by kernel'"
exit 0
