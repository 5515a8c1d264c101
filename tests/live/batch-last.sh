#!/bin/sh
# -b's last snapshot is the end of the run: it agrees with the closing
# line, the -w file and itself.  zbgen sends 2000 frames at 4000 pps into
# a retire timeout of 5 s (-T 5000), so when SIGINT comes at once after
# the last frame, by construction every frame still sits in the block the
# kernel is filling: only the stop's drain hands it over.  For -J, the
# text and -J with --threads 2, expected exactly: the last snapshot's
# packets = the rings' packets summed = captured = kernel = 2000 frames
# in the -w file (tcpdump -r), no block left filling, and its forced
# rotations = the rings'.  (The last snapshot was taken before the
# drain: packets 0, 1872 filling.)
. tests/lib/netns.sh
zb_testbed tcpdump python3
N=2000

for form in json text threads; do
	case $form in
	json)	fl=-J ;;
	text)	fl= ;;
	threads) fl="-J --threads 2" ;;
	esac
	# $fl is split on purpose.
	zb_zbtop_as "$form" -i "$ZB_IF_CAP" -T 5000 $fl -w "$ZB_TMP/$form.pcap"
	zb_wait_bound "$ZB_PID" 10 ||
	    { cat "$ZB_ERR" >&2; zb_fail "$form: not bound"; }
	zb_send "$form" $N 4000
	zb_stop "$ZB_PID" 10 ||
	    { cat "$ZB_ERR" >&2; zb_fail "$form: exit status $?"; }
	# With -J the closing line goes to standard error.
	if [ $form != text ]; then
		ZB_LAST=$(tail -n 1 "$ZB_ERR")
	else
		ZB_LAST=$(tail -n 1 "$ZB_OUT")
	fi
	echo "$form: $ZB_LAST"
	[ "$(zb_field captured "$ZB_LAST")" = $N ] ||
	    zb_fail "$form: captured is not $N"
	[ "$(zb_field kernel "$ZB_LAST")" = $N ] ||
	    zb_fail "$form: kernel is not $N"
	w=$(tcpdump -r "$ZB_TMP/$form.pcap" 2>/dev/null | wc -l | tr -d ' ')
	[ "$w" = $N ] || zb_fail "$form: the -w file holds $w, not $N"
	python3 - "$form" "$ZB_OUT" $N <<'PY' || zb_fail "$form: last snapshot"
import json, re, sys
form, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(path).read()
bad = []
if form != "text":
    j = json.loads([l for l in text.splitlines() if l.startswith("{")][-1])
    pk, forced = j["packets"], j["rotations"]["forced"]
    rings = [(r["packets"], r["forced"]) for r in j["rings"]]
    filling = sum(b["packets"] for b in j["buffers"]
        if b["owner"] == "kernel" and b["active"])
else:
    snap = text.split("\nzbtop ")[-1]
    pk = int(re.search(r"^packets (\d+)", snap, re.M).group(1))
    forced = int(re.search(r"forced (\d+)", snap).group(1))
    rings = [(int(m.group(1)), int(m.group(2))) for m in re.finditer(
        r"^ *\d+ +\d+ +[-*] +\d+ +\d+ +\d+ +[\d.]+% +(\d+) +[\d.]+ +(\d+)$",
        snap, re.M)]
    filling = sum(int(m.group(1)) for m in re.finditer(
        r"^ *\d+ +\d+ kernel\* +[\d.]+% +(\d+) ", snap, re.M))
print(form, "last snapshot: packets", pk, "rings", rings, "filling",
    filling, "forced", forced)
if pk != n:
    bad.append("packets %d, not %d" % (pk, n))
if sum(r[0] for r in rings) != pk or not rings:
    bad.append("the rings' packets add up to %d" % sum(r[0] for r in rings))
if sum(r[1] for r in rings) != forced:
    bad.append("the rings' forced add up to %d, not %d" %
        (sum(r[1] for r in rings), forced))
if filling != 0:
    bad.append("%d packets still filling" % filling)
for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
done
exit 0
