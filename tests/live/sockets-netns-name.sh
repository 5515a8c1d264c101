#!/bin/sh
# A namespace zbtop --sockets found unnamed (a process's, made with
# unshare -n) and that ip netns attach names while it runs is listed
# under that name from the next refresh (it kept its inode number).
# tests/gen/pring holds a ring socket in it; no frame is sent.
. tests/lib/netns.sh
zb_need_root
zb_need python3 unshare
zb_need_pring
zb_tmpdir
NAME="zbt-name-$$"
PR=
cleanup() {
	zb_rc=$?
	[ -z "$PR" ] || kill "$PR" 2>/dev/null
	ip netns del "$NAME" 2>/dev/null
	rm -rf "$ZB_TMP"
	exit $zb_rc
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE

unshare -n "$ZB_GENDIR/pring" -T 60 >"$ZB_TMP/p" 2>&1 </dev/null &
PR=$!
i=0
until grep -q '^ready' "$ZB_TMP/p"; do
	i=$((i + 1))
	[ $i -lt 200 ] || { cat "$ZB_TMP/p" >&2; zb_fail "pring"; }
	sleep 0.05
done
INO=$(zb_pring_ready "$ZB_TMP/p" 2)
"$ZBTOP" --sockets -J --delay 0.5 --iterations 8 >"$ZB_TMP/l.json" &
Z=$!
zb_wait_file "$ZB_TMP/l.json" "no first refresh"
ip netns attach "$NAME" "$PR" || zb_fail "ip netns attach"
zb_wait_exit "$Z" 20 || zb_fail "zbtop --sockets failed"
python3 - "$ZB_TMP/l.json" "$INO" "$NAME" <<'EOP' || zb_fail "not renamed"
import json, sys
ino, name = int(sys.argv[2]), sys.argv[3]
names = []
for l in open(sys.argv[1]):
    s = [s for s in json.loads(l)["sockets"] if s["inode"] == ino]
    names.append(s[0]["netns"] if s else None)
print("socket %d's namespace, refresh by refresh: %s" % (ino, names))
sys.exit(not (names[0] not in (None, name) and names[-1] == name))
EOP
exit 0
