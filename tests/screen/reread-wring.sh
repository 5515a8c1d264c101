#!/bin/sh
# A replayed file read again (a new capture filter after its end) does
# not write again over what the first reading wrote with -w and -G or
# -C: the -w file stays closed (README "Commands"), holds every packet
# of the first reading, and the header keeps saying so.
# Can fail: with -G or -C the re-read opened the ring of -w files again
# from its first name, truncating it, and wrote only the second reading.
. tests/screen/lib.sh
t_sample
all=$("$ZBTOP" -r "$T_PCAP" --count 2>/dev/null | tail -n 1 |
    awk '{ print $1 }')
[ -n "$all" ] && [ "$all" -gt 0 ] || t_fail "zbtop --count on $T_PCAP"
# The second reading's own count: its end, not the first one's still shown.
udp=$("$ZBTOP" -r "$T_PCAP" --count udp 2>/dev/null | tail -n 1 |
    awk '{ print $1 }')
[ -n "$udp" ] || t_fail "zbtop --count udp on $T_PCAP"
# zbtop drops root to nobody before it writes: a directory it can use.
mkdir "$T_DIR/w" && chmod 777 "$T_DIR/w" || t_fail "mkdir"
for opt in "-G 3600" "-C 100 -W 2"; do
	rm -f "$T_DIR"/w/*
	t_replay "-w '$T_DIR/w/x' $opt"
	t_wait "  end of file  wrote .*x0? \\($all packets\\)" 10 ||
	    t_fail "$opt: the first reading did not end with $all written"
	t_keys f
	t_wait '^filter: ?$' 5 || t_fail "$opt: no filter prompt"
	t_keys udp Enter
	t_wait '^zbtop .*filter: udp' 10 || t_fail "$opt: no new filter"
	t_wait "  packets $udp  drops 0  end of file  " 20 ||
	    t_fail "$opt: no second end of file with $udp packets"
	t_cap | grep -Eq "wrote .*x0? \\($all packets\\)" ||
	    t_fail "$opt: the header no longer says $all packets written"
	t_keys q
	t_wait '^zbtop exited 0' 10 || t_fail "$opt: no clean exit"
	f=$(ls "$T_DIR"/w/x* | head -n 1)
	n=$("$ZBTOP" -r "$f" --count 2>/dev/null | tail -n 1 |
	    awk '{ print $1 }')
	[ "$n" = "$all" ] ||
	    t_fail "$opt: $f holds ${n:-no} packets, not the first $all"
	tmux -L "$T_SOCK" kill-server 2>/dev/null
done
exit 0
