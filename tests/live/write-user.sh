#!/bin/sh
# A "write" that fails for want of permission names the user that tried:
# as root zbtop drops to nobody (-Z nobody) once capture is open, so a
# file in a directory only root may write cannot be created; the command
# (batch mode's standard input) answers "cannot write DIR/x.pcap:
# Permission denied (as user nobody)", and -w given at start, opened
# before the drop, still works.
. tests/lib/netns.sh
zb_need_root
id nobody >/dev/null 2>&1 || { echo "needs a user nobody" >&2; exit 77; }
pcap=tests/data/sample.pcap
[ -f "$pcap" ] || { echo "needs $pcap" >&2; exit 77; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-wuser.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
chmod 0700 "$dir"
err=$(echo "write $dir/x.pcap" | "$ZBTOP" -b -Z nobody -r "$pcap" \
    --speed 0 --iterations 2 --delay 0.3 -w "$dir/start.pcap" 2>&1 >/dev/null)
echo "$err"
want="zbtop: cannot write $dir/x.pcap: Permission denied (as user nobody)"
printf '%s\n' "$err" | grep -qxF "$want" || { echo "no line '$want'"; exit 1; }
[ -s "$dir/start.pcap" ] || { echo "-w at start did not write"; exit 1; }
[ ! -e "$dir/x.pcap" ] || { echo "x.pcap was created"; exit 1; }
exit 0
