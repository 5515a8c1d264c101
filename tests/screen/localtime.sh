#!/bin/sh
# The packet list's times are local, as -P's lines and tcpdump's: in a
# zone five hours west of UTC (TZ=XST5, a POSIX rule needing no tzdata),
# frame 1 of the sample shows the same time on the screen as in
# "zbtop -P -r" (it showed UTC, five hours apart from the printed line).
. tests/screen/lib.sh
t_sample
want=$(TZ=XST5 "$ZBTOP" -P -r "$T_PCAP" -c 1 2>/dev/null | cut -d ' ' -f 1)
[ -n "$want" ] || t_fail "zbtop -P -r printed nothing"
t_start "TZ=XST5 LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0; sleep 600"
t_wait 'end of file' 15 || t_fail "no end of file"
t_keys Home
t_wait '^ +1 [0-9:.]{15} ' 5 || t_fail "Home: no frame 1"
got=$(t_cap | sed -n 's/^ *1 \([0-9:.]\{15\}\) .*/\1/p' | head -n 1)
[ "$got" = "$want" ] ||
    t_fail "frame 1 at $got on the screen, $want in -P's line"
echo "frame 1 at $got, as -P"
t_keys q
exit 0
