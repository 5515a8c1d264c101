#!/bin/sh
# In the C locale (no UTF-8) the help reads as it does in UTF-8: no text
# of its own turns into question marks (the buffers strip's line had
# "·" and "█", drawn as "??" and "???"), page after page to its end.
. tests/screen/lib.sh
t_sample
t_start "LANG=C LC_ALL=C '$ZBTOP' -r '$T_PCAP' --speed 0; sleep 600"
t_wait '^ Packets ' 10 || t_fail "screen did not start"
t_keys '?'
t_wait '^ Help: ' 5 || t_fail "? does not open the help"
t_pages "$T_DIR/help"
grep -q 'Buffers pane' "$T_DIR/help" || t_fail "the help has no buffers part"
grep -n '??' "$T_DIR/help" >&2 && t_fail "text of the help drawn as '??'"
LC_ALL=C grep -n '[^ -~]' "$T_DIR/help" >&2 && t_fail "non-ASCII in the help"
t_keys q q
exit 0
