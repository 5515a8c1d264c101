#!/bin/sh
# Protection checked: when the capture ends (end of a replayed file, or
# -c), the rates fall to 0 within a couple of seconds, as the counters
# stop: the header's "pkt/s" and the pkts/s graph's "now" agree with
# "end of file".  Readers sample the rates on the engine's 1 s beat once
# its thread has ended (src/engine-tick.c, engine_snapshot).
#
# Can fail: before, nothing sampled after the engine thread ended, and
# the header said "16234 pkt/s ... end of file" for as long as the
# screen stayed open.
. tests/screen/lib.sh
t_sample

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0 --delay 0.5; echo zbtop exited \$?; sleep 600"
t_wait '  end of file' 20 || t_fail "the replay did not reach the end"
t_wait '^0 pkt/s  0 bit/s  packets [0-9]' 5 ||
    t_fail "rates not 0 after the end of the file"
t_cap | grep -Eq '^ pkts/s .* now +0 ' || t_fail "the graph's now is not 0"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "no clean exit"
exit 0
