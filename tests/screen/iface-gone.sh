#!/bin/sh
# The interface deleted under the screen: the status line says the
# capture stopped and why; after q the reason is said again on stderr,
# below the exit lines (the status line went with the screen), and zbtop
# exits 1, as -b and -P do on the same error.
# Can fail: the reason was lost with the screen and zbtop exited 0, so a
# script could not tell a capture cut short from a finished one.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live ""
sleep 1
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 100 -r 1000 >/dev/null ||
    t_fail "zbgen failed"
t_wait '  packets 100  drops 0' 10 || t_fail "the header does not count 100"
ip -n "$ZB_NS_CAP" link del "$ZB_IF_CAP" || t_fail "link del"
t_wait "^capture stopped: interface $ZB_IF_CAP disappeared" 10 ||
    t_fail "no 'capture stopped' on the status line"
t_keys q
t_wait '^zbtop exited' 10 || t_fail "q did not end the screen"
t_cap | grep -q "^zbtop: capture stopped: interface $ZB_IF_CAP disappeared$" ||
    t_fail "the reason was not said again after the screen"
t_cap | grep -q '^100 packets captured$' || t_fail "no exit lines"
t_cap | grep -q '^zbtop exited 1$' || t_fail "exit status not 1"
exit 0
