#!/bin/sh
# Every refresh of --sockets is a fresh list: its namespaces are the
# ones there now, each once, and their socket counts add up to the
# sockets listed.  With tcpdump capturing on the veth in the test's
# capture namespace, zbtop --sockets -J --delay 0.2 --iterations 6 (and
# the same under ASan+UBSan).  Expected in every snapshot: no namespace
# inode twice; the capture namespace there with at least tcpdump's
# socket; the sum of the namespaces' "sockets" equal to the number of
# sockets listed.  The text form's "N packet sockets in K network
# namespaces" keeps K from one refresh to the next within 8 (other
# tests may make or remove a few namespaces meanwhile).
#
# Can fail: psock_snapshot cleared the counts before the rows but not
# the namespace count after them, so each refresh appended the
# namespaces again (3, 6, 9, ...; the screen's S view the same) and
# after PSOCK_MAXNS of them wrote past the snapshot (ASan:
# heap-buffer-overflow in psock_snapshot, src/psock.c).
. tests/lib/netns.sh
zb_testbed tcpdump python3

zb_bg_cap tcpdump -Z root -i "$ZB_IF_CAP" -w /dev/null -nn udp \
    </dev/null 2>"$ZB_TMP/td.err"
TD=$ZB_BG_PID
zb_wait_bound "$TD" 10 ||
    { cat "$ZB_TMP/td.err" >&2; zb_fail "tcpdump: not bound"; }
capns=$(stat -L -c %i "/var/run/netns/$ZB_NS_CAP") ||
    zb_fail "no inode for $ZB_NS_CAP"

for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	timeout -k 2 30 "$z" --sockets -J --delay 0.2 --iterations 6 \
	    >"$ZB_TMP/j.out" 2>"$ZB_TMP/j.err" ||
	    { cat "$ZB_TMP/j.err" >&2; zb_fail "$z --sockets -J: exit $?"; }
	python3 - "$ZB_TMP/j.out" "$capns" <<'EOP' || zb_fail "$z: -J"
import json, sys
n = 0
for line in open(sys.argv[1]):
    j = json.loads(line)
    n += 1
    ino = [ns["inode"] for ns in j["netns"]]
    dup = sorted(set(i for i in ino if ino.count(i) > 1))
    cap = [ns for ns in j["netns"] if ns["inode"] == int(sys.argv[2])]
    total = sum(ns["sockets"] for ns in j["netns"])
    print("snapshot %d: %d namespaces, %d sockets, counts sum to %d"
        % (n, len(ino), len(j["sockets"]), total))
    if dup:
        sys.exit("snapshot %d: namespaces twice: %s" % (n, dup))
    if len(cap) != 1 or cap[0]["sockets"] < 1:
        sys.exit("snapshot %d: capture namespace: %s" % (n, cap))
    if total != len(j["sockets"]):
        sys.exit("snapshot %d: counts sum to %d, %d listed"
            % (n, total, len(j["sockets"])))
if n != 6:
    sys.exit("%d snapshots, not 6" % n)
EOP
	timeout -k 2 30 "$z" --sockets --delay 0.2 --iterations 6 \
	    >"$ZB_TMP/t.out" 2>"$ZB_TMP/t.err" ||
	    { cat "$ZB_TMP/t.err" >&2; zb_fail "$z --sockets: exit $?"; }
	ks=$(sed -n 's/^zbtop sockets: .* in \([0-9]*\) network namespaces*$/\1/p' \
	    "$ZB_TMP/t.out" | tr '\n' ' ')
	echo "$z --sockets: namespaces per refresh: $ks"
	set -- $ks
	[ $# -eq 6 ] || zb_fail "$z --sockets: $# headers, not 6"
	first=$1
	for k in "$@"; do
		[ "$k" -le $((first + 8)) ] && [ "$k" -ge $((first - 8)) ] ||
		    zb_fail "$z --sockets: $k namespaces after $first"
	done
done
zb_stop "$TD" 5 >/dev/null
exit 0
