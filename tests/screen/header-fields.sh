#!/bin/sh
# Every field of the header's two lines is whole, or cut where it says
# so, at 80x24 and at 60x14 (the smallest size the screen takes), with
# a long source (eight -i: zbc0, lo and three veth pairs of 15-letter
# names), a long filter (set by a command: "refiltered 0" beside it), a
# -w file with a long name, a rotation timer and the list paused.
# Line 1: "zbtop ", the source (the whole list, or "..." and its end),
# " [zbuf]  filter: ", the filter (whole, or a start of it ending in
# '>'), "refiltered 0" whole or left out, "up H:MM:SS" at the end.
# Line 2: rates, packets and drops, then only whole fields: "+N
# filling", "PAUSED", "writing NAME (N packets)" (NAME the file's, or
# "..." and its end), "rotate every 700 ms", and last the geometry
# (whole, or a start ending in '>').
# Can fail: fields were cut wherever the line ended ("rota", "writing
# /tmp/zbto"), and a filter cut short did not say so.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
[ -x "$ZB_GENDIR/zbgen" ] ||
    { echo "needs $ZB_GENDIR/zbgen (make test-build)" >&2; exit 77; }
zb_netns_up
trap 't_rc=$?; t_cleanup; eval "$T_HOOK"; (exit $t_rc); zb_netns_down' EXIT
ifs="-i $ZB_IF_CAP -i lo"
src="$ZB_IF_CAP,lo"
# Names of 15 bytes, the most a name takes, in our own namespace.
for k in 1 2 3; do
	zb_veth_cap "zbtop-header-a$k" "zbtop-header-b$k"
	ifs="$ifs -i zbtop-header-a$k -i zbtop-header-b$k"
	src="$src,zbtop-header-a$k,zbtop-header-b$k"
done
flt='udp and not port 53 and not (host 198.18.0.1 or host 198.18.0.2 or host 198.18.0.3) and greater 10'
wname=a-rather-long-name-for-the-file-zbtop-writes.pcapng
T_W=400 T_H=30 t_start "cd '$T_DIR' && ip netns exec '$ZB_NS_CAP' env LANG=C.UTF-8 '$ZBTOP' $ifs -w '$wname' --command 'rotate every 700' --command 'filter $flt'; echo zbtop exited \$?; sleep 600"
t_wait '\[zbuf\]' 15 || t_fail "no live screen in zbuf mode"
t_wait 'rotate every 700 ms' 5 || t_fail "no rotation timer in the header"
t_wait '  refiltered 0 ' 5 || t_fail "no 'refiltered 0' after the filter"
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 50 >/dev/null 2>&1 ||
    t_fail "zbgen failed"
t_keys P
t_wait '  PAUSED' 5 || t_fail "P: no PAUSED in the header"
geo=$(t_cap | sed -n 2p | sed -n 's/.*  rotate every 700 ms  //p')
[ -n "$geo" ] || t_fail "no geometry after the rotation timer at 400 columns"

# A is a prefix of B (sh patterns: quoted, so nothing in them is special).
prefix() { case "$2" in "$1"*) return 0 ;; esac; return 1; }
suffix() { case "$2" in *"$1") return 0 ;; esac; return 1; }

check() {
	l0=$(t_cap | sed -n 1p)
	l1=$(t_cap | sed -n 2p)
	printf '%s\n' "$l0" | grep -Eq ' up [0-9]+:[0-9]{2}:[0-9]{2}$' ||
	    t_fail "$1: line 1 does not end in the uptime"
	s=$(printf '%s\n' "$l0" | sed -n 's/^zbtop \(.*\) \[zbuf\]  filter: .*/\1/p')
	[ -n "$s" ] || t_fail "$1: no 'zbtop SOURCE [zbuf]  filter: '"
	[ "$s" = "$src" ] || { prefix ... "$s" && suffix "${s#...}" "$src"; } ||
	    t_fail "$1: the source '$s' is neither the list nor '...' and its end"
	f=$(printf '%s\n' "$l0" | sed -n 's/.* \[zbuf\]  filter: \(.*\)  up [0-9:]*$/\1/p')
	f=${f%"${f##*[! ]}"}
	f=$(printf '%s\n' "$f" | sed -E 's/  refiltered [0-9]+$//')
	if [ "$f" != "$flt" ]; then
		case "$f" in
		*'>') prefix "${f%>}" "$flt" ||
		    t_fail "$1: the cut filter '$f' is not the filter's start" ;;
		*) t_fail "$1: the filter '$f' is cut without '>'" ;;
		esac
	fi
	rest=$(printf '%s\n' "$l1" | sed -E 's/^[0-9.]+[kMGTP]? pkt\/s  [0-9.]+ [kMGTP]?bit\/s  packets [0-9]+  drops [0-9]+//')
	[ "$rest" != "$l1" ] || t_fail "$1: line 2 does not start with rates, packets and drops"
	rest=$(printf '%s\n' "$rest" | sed -E 's/^  \+[0-9]+ filling//')
	rest=${rest#  PAUSED}
	w=$(printf '%s\n' "$rest" | sed -n -E 's/^  writing (.*) \([0-9]+ packets?\).*/\1/p')
	if [ -n "$w" ]; then
		[ "$w" = "$wname" ] || { prefix ... "$w" && suffix "${w#...}" "$wname"; } ||
		    t_fail "$1: the -w name '$w' is neither the name nor '...' and its end"
		rest=$(printf '%s\n' "$rest" | sed -E 's/^  writing .* \([0-9]+ packets?\)//')
	fi
	rest=${rest#  rotate every 700 ms}
	[ -z "$rest" ] && return 0
	g=${rest#  }
	[ "$g" != "$rest" ] || t_fail "$1: '$rest' on line 2 is no field"
	[ "$g" = "$geo" ] && return 0
	case "$g" in
	*'>') prefix "${g%>}" "$geo" && return 0 ;;
	esac
	t_fail "$1: '$g' on line 2 is neither a whole field nor the geometry cut with '>'"
}
check 400x30
tmux -L "$T_SOCK" resize-window -x 80 -y 24
sleep 1.5
check 80x24
tmux -L "$T_SOCK" resize-window -x 60 -y 14
sleep 1.5
t_cap | grep -q 'terminal too small' && t_fail "60x14 is said to be too small"
check 60x14
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
