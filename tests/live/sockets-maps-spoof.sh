#!/bin/sh
# A file named after a socket does not make its mapper the socket's
# holder: a process (started first, so /proc lists it first) maps a file
# it named "x socket:[INODE]", INODE a ring held by its mapping alone
# (tests/gen/pring -C); --attach socket:INODE must attach to pring.
# Can fail: a maps line was taken as the socket's when " socket:[" stood
# anywhere in it, so the spoofer was found first ("process N has not
# mapped its ring").
. tests/lib/netns.sh
zb_need_pring
zb_testbed python3

python3 - "$ZB_TMP/spoof.ready" "$ZB_TMP/ino" <<'PY' &
import mmap, os, sys, time
ready, inofile = sys.argv[1], sys.argv[2]
for _ in range(400):
    if os.path.exists(inofile) and open(inofile).read().strip():
        break
    time.sleep(0.05)
name = os.path.join(os.path.dirname(inofile),
                    "x socket:[%s]" % open(inofile).read().strip())
with open(name, "wb") as f:
    f.write(b"\0" * 4096)
f = open(name, "r+b")
m = mmap.mmap(f.fileno(), 4096)
open(ready, "w").write("ready\n")
time.sleep(60)
PY
SPOOF=$!
zb_pring "$ZB_NS_CAP" "$ZB_TMP/c" '^ready' 1 -C
P=$(zb_pring_ready "$ZB_TMP/c" 1)
I=$(zb_pring_ready "$ZB_TMP/c" 2)
echo "$I" >"$ZB_TMP/ino"
zb_wait_file "$ZB_TMP/spoof.ready" "the spoofer did not map its file"
grep -q "socket:\[$I\]" "/proc/$SPOOF/maps" ||
    zb_fail "the spoofer's maps do not name socket:[$I]"
[ "$SPOOF" -lt "$P" ] || echo "note: spoofer $SPOOF after pring $P"
"$ZBTOP" --attach "socket:$I" --iterations 1 >"$ZB_TMP/one.txt" 2>&1 ||
    { cat "$ZB_TMP/one.txt"; kill "$SPOOF"; zb_fail "--attach socket:$I"; }
head -n 1 "$ZB_TMP/one.txt"
kill "$SPOOF" 2>/dev/null
head -n 1 "$ZB_TMP/one.txt" | grep -q "^zbtop attach: pid $P (pring) " ||
    zb_fail "attached to another process than pring $P"
exit 0
