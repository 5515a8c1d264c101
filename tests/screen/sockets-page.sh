#!/bin/sh
# PgDn and PgUp in the sockets list move a whole page of rows at once,
# with the selection (as htop): from the first row, PgDn shows the next
# page rather than walking the selection to the bottom row.  A helper
# holds 40 packet sockets in a namespace of its own with no interface up
# (they receive nothing), so the list has several pages in a 20-line
# terminal.  Other processes' sockets may
# come and go meanwhile, so the page is checked within 2 rows.
. tests/lib/netns.sh
zb_need_root
zb_need python3
. tests/screen/lib.sh
NS="zbt-pg-$$"
ip netns add "$NS" || t_fail "cannot make namespace $NS"
ip netns exec "$NS" python3 -c 'import socket, time
s = [socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0x300)
    for _ in range(40)]
print("open", flush=True)
time.sleep(600)' >"$T_DIR/py" &
PY=$!
pg_down() { kill "$PY"; wait "$PY" 2>/dev/null; ip netns del "$NS"; }
T_HOOK=pg_down
i=0
while ! grep -q open "$T_DIR/py" && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
grep -q open "$T_DIR/py" || t_fail "the helper did not open its sockets"
T_H=20 T_W=120
t_start "LANG=C.UTF-8 '$ZBTOP' --sockets; sleep 600"
t_wait '^ Sockets [0-9]+ in .* 1-[0-9]+ of [0-9]+$' 10 ||
    t_fail "no sockets list"
range() { t_cap | sed -n 's/^ Sockets .* \([0-9]*\)-\([0-9]*\) of [0-9]*$/\1 \2/p'; }
set -- $(range)
rows=$(($2 - $1 + 1))
[ "$rows" -ge 8 ] || t_fail "too few rows ($*)"
t_keys NPage
sleep 0.5
set -- $(range)
[ "$1" -ge $((rows - 1)) ] && [ "$1" -le $((rows + 3)) ] ||
    t_fail "PgDn from the first row shows rows $1-$2, not from $((rows + 1))"
t_keys PPage
t_wait "^ Sockets .* 1-$rows of [0-9]+$" 5 ||
    t_fail "PgUp does not go back to the first page"
t_keys q
exit 0
