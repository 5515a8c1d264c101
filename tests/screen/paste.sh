#!/bin/sh
# A long line pasted into a prompt is taken at once: a 3000-character
# capture filter ("port 1 or port 1 or ... udp", 301 terms) typed into
# the f prompt in one burst, then Enter, is in force (the header shows
# it) within 20 s; measured here, 2 s.  The same in the : prompt (one
# 3003-letter word: "unknown command").  The keys waiting are taken
# before the next frame, and the line is checked once a frame, not per
# key.
# Can fail: a frame and a compile of the line so far per key made the
# same paste take about a minute here (the compiles grow with the line).
. tests/screen/lib.sh
t_replay
line=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "port 1 or "; print "udp" }')
[ ${#line} -eq 3003 ] || t_fail "the line is ${#line} characters"
t_keys f C-a C-k
t_keys -l "$line"
t_keys Enter
t_wait '^zbtop .*filter: port 1 or port 1 or ' 20 ||
    t_fail "the pasted filter was not in force within 20 s"
word=$(awk 'BEGIN { for (i = 0; i < 3003; i++) printf "x"; print "" }')
t_keys :
t_keys -l "$word"
t_keys Enter
t_wait '^unknown command: xxxx' 20 ||
    t_fail "the pasted command line was not run within 20 s"
exit 0
