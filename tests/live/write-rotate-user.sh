#!/bin/sh
# -C and -G after the privilege drop: as tcpdump -Z does for every -w
# file, zbtop makes each file of a ring as the user it drops to, the
# first one included, so (1) a directory only root may write fails at
# start, in one line naming the user (tcpdump says "F: Permission
# denied" there too), not at the first rotation with the capture
# running; and (2) in a directory the user owns, -C 1 -W 2 wraps back
# to the first file: x0 and x1 both belong to the user (before, x0 was
# root's and could not be reopened as nobody at the wrap).
. tests/lib/netns.sh
zb_need_root
zb_need tcpdump
id nobody >/dev/null 2>&1 || { echo "needs a user nobody" >&2; exit 77; }
zb_netns_up
zb_tmpdir
zb_cmdpipe
chmod 0755 "$ZB_TMP"
ro="$ZB_TMP/rootonly" own="$ZB_TMP/nobody"
mkdir "$ro" "$own" || exit 1
chmod 0700 "$ro"
chown nobody "$own" || exit 1

for opt in "-C 1" "-G 1"; do
	zb_zbtop zbuf -Z nobody $opt -w "$ro/x"
	zb_zbtop_fails "$opt into a directory only root may write"
	zb_stderr_is "$opt" "zbtop: cannot write $ro/x: Permission denied (as user nobody)"
done
[ -z "$(ls -A "$ro")" ] || zb_fail "files made in $ro: $(ls "$ro")"

zb_zbtop_bound zbuf -Z nobody -C 1 -W 2 -w "$own/x"
# 3000 frames of 1400 bytes: about 4.2 MB, so x0 is reopened twice.
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 3000 -s 1400 -r 20000 \
    -T 30 >/dev/null || zb_fail "zbgen"
sleep 1.5
zb_zbtop_stop "-C 1 -W 2" 0
[ ! -s "$ZB_ERR" ] || { cat "$ZB_ERR" >&2; zb_fail "-C 1 -W 2: errors"; }
[ "$(zb_field captured "$ZB_LAST")" = 3000 ] || zb_fail "captured is not 3000"
ls -l "$own"
[ "$(ls "$own" | tr '\n' ' ')" = "x0 x1 " ] ||
    zb_fail "files are not x0 x1: $(ls "$own")"
for f in x0 x1; do
	[ "$(stat -c %U "$own/$f")" = nobody ] ||
	    zb_fail "$f belongs to $(stat -c %U "$own/$f"), not nobody"
	tcpdump -r "$own/$f" >/dev/null 2>&1 || zb_fail "$f: tcpdump -r fails"
done
grep -q '^drops: .* write 0$' "$ZB_OUT" ||
    zb_fail "write drops: $(grep '^drops:' "$ZB_OUT" | tail -n 1)"
exit 0
