#!/bin/sh
# A scrolled or paused packet list never moves (issue 11, item 2).  zbgen
# sends about 50,000 frames per second on a veth pair while zbtop's screen
# runs; scrolled back (PgUp), then at the oldest kept frame (Home), then
# paused (P), the rows captured twice one second apart are identical,
# while the title's count of frames arrived since grows.  End follows
# again: then the rows change.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live
rows() { t_cap | grep -E '^ +[0-9]+ [0-9:.]{15} |not kept'; }
since() { t_cap | sed -n 's/^ Packets .*: \([0-9]*\) new .*/\1/p'; }

t_start "ip netns exec '$ZB_NS_CAP' env LANG=C.UTF-8 '$ZBTOP' -i '$ZB_IF_CAP' udp; sleep 600"
t_wait '\[zbuf\]' 15 || t_fail "no live screen"
sleep 1
{ zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 600000 -r 50000 \
    -T 30 >/dev/null 2>&1 & } 
t_wait '[0-9.]+k pkt/s' 10 || t_fail "no traffic"

# held VIEW KEYS...: after the keys, the rows stay while frames arrive.
held() {
	what=$1
	shift
	t_keys "$@"
	sleep 1.2
	rows >"$T_DIR/a"
	s1=$(since)
	sleep 1
	rows >"$T_DIR/b"
	s2=$(since)
	[ "$(wc -l <"$T_DIR/a")" -ge 10 ] || t_fail "$what: too few rows"
	cmp -s "$T_DIR/a" "$T_DIR/b" ||
	    t_fail "$what: the rows moved ($(diff "$T_DIR/a" "$T_DIR/b" | head -n 4))"
	[ -n "$s1" ] && [ -n "$s2" ] && [ "$s2" -gt "$s1" ] ||
	    t_fail "$what: the count of new frames does not grow ($s1, $s2)"
	echo "$what: rows held, $s1 then $s2 frames since"
}
held "scrolled" PPage
held "home" Home
held "paused" End P
t_keys P
sleep 1.2
rows >"$T_DIR/a"
sleep 1
rows >"$T_DIR/b"
t_cap | grep -q 'following' || t_fail "End and P do not follow again"
cmp -s "$T_DIR/a" "$T_DIR/b" && t_fail "following, the rows do not change"
t_keys q
exit 0
