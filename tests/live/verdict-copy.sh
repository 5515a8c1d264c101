#!/bin/sh
# In copy mode the drop verdict names where the kernel dropped: the
# socket queue -B sets, not the recvmmsg batch the buffers pane shows.
# zbtop -b -J -m copy -B 64 (a queue of 128 KiB as the kernel counts it)
# is stopped (SIGSTOP) while zbgen sends 50000 frames at full rate, so
# the queue overflows whatever the machine's speed; then SIGCONT, 1.5 s.
# Expected, with -b and with -b -J: dropped > 0 and captured + dropped =
# kernel = 50000; the last snapshot's verdict says the kernel ring
# dropped, then "the socket queue overflows", names "-B 64" and a queue
# of 128 KiB (SO_RCVBUF doubled, sock_setsockopt), suggests a bigger -B,
# and does not say "the ring holds"; the text's drops line says "(queue
# full)", not "(ring full)".
#
# Can fail: the verdict was worked out from the recvmmsg batch as if it
# were the ring ("the ring holds 3197 ms at 20536 pkt/s (4104 KiB, 64 B
# a packet) ... try -B 32768") while the 128 KiB queue dropped 99%.
. tests/lib/netns.sh
zb_testbed python3
N=50000

for fmt in text json; do
	case $fmt in
	text)	zb_zbtop_bound copy -B 64 ;;
	json)	zb_zbtop_bound copy -B 64 -J ;;
	esac
	zb_stopped_burst "$fmt" $N
	sleep 1.5
	zb_zbtop_stop "$fmt" 0
	[ $fmt = text ] || ZB_LAST=$(tail -n 1 "$ZB_ERR")
	c=$(zb_field captured "$ZB_LAST")
	d=$(zb_field dropped "$ZB_LAST")
	k=$(zb_field kernel "$ZB_LAST")
	[ -n "$d" ] && [ "$d" -gt 0 ] || zb_fail "$fmt: no drops: $ZB_LAST"
	[ $((c + d)) -eq "$k" ] && [ "$k" -eq $N ] ||
	    zb_fail "$fmt: captured $c + dropped $d, kernel $k, sent $N"
	case $fmt in
	text)	v=$(sed -n 's/^verdict: //p' "$ZB_OUT" | tail -n 1)
		grep '^drops: ' "$ZB_OUT" | tail -n 1 |
		    grep -q "^drops: kernel $d (queue full), " ||
		    zb_fail "drops line: $(grep '^drops: ' "$ZB_OUT" | tail -n 1)" ;;
	json)	v=$(grep '"verdict"' "$ZB_OUT" | tail -n 1 | python3 -c '
import json, sys
print(json.loads(sys.stdin.read())["verdict"])') ;;
	esac
	echo "$fmt: verdict: $v"
	case $v in
	*"ring holds"*)
		zb_fail "$fmt: the verdict sizes the recvmmsg batch" ;;
	"kernel ring drop"*": the socket queue overflows"*"(-B 64: a queue of 128 KiB of kernel buffers, one whole buffer a packet): try -B "*", or -m zbuf")
		;;
	*)	zb_fail "$fmt: verdict does not name the socket queue" ;;
	esac
done
exit 0
