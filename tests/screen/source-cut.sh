#!/bin/sh
# A long file name in the header is cut from the left at a whole
# character, by terminal columns: a 186-byte path of é (2 bytes, 1
# column) and 名 (3 bytes, 2 columns) replayed in a 60x14 window (the
# smallest the screen takes).  In a UTF-8 locale the header shows
# "...", then only whole é and 名, then "a.pcap" (the name's end), in 15
# or 16 columns (a 名 that would not fit whole is left out), and "up
# H:MM:SS" still ends the line; under LANG=C every byte of them is a
# whole "\xNN" escape, never a piece of one.
# Can fail: the path was escaped and cut to 128 bytes before the screen
# saw it (its end lost), and cut by bytes, in the middle of an escape.
. tests/screen/lib.sh
t_sample
name=""
i=0
while [ $i -lt 30 ]; do
	name="${name}é名"
	i=$((i + 1))
done
name="${name}a.pcap"
cp "$T_PCAP" "$T_DIR/$name" || t_fail "cannot copy the sample"
esc=""
i=0
while [ $i -lt 30 ]; do
	esc="$esc"'\xc3\xa9\xe5\x90\x8d'
	i=$((i + 1))
done
esc="${esc}a.pcap"

# The header's source field: what lies between "zbtop " and " [file]".
field() {
	t_cap | sed -n 1p | sed -n 's/^zbtop \(.*\) \[file\] .*/\1/p'
}
T_W=60 T_H=14 t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_DIR/$name' --speed 0"
t_wait 'end of file' 15 || t_fail "no replay in UTF-8"
t_cap | sed -n 1p | grep -Eq ' up [0-9]+:[0-9]{2}:[0-9]{2}$' ||
    t_fail "UTF-8: the header's first line does not end in the uptime"
f=$(field)
printf '%s\n' "$f" | grep -Eq '^\.\.\.(é|名)+a\.pcap$' ||
    t_fail "UTF-8: the source is not '...', whole é and 名, 'a.pcap': '$f'"
cols=$(printf '%s\n' "$f" | LC_ALL=C.UTF-8 wc -L)
[ "$cols" -ge 15 ] && [ "$cols" -le 16 ] ||
    t_fail "UTF-8: the source takes $cols columns, not 15 or 16"
tmux -L "$T_SOCK" kill-server 2>/dev/null
sleep 0.3

T_W=60 T_H=14 t_start "LANG=C '$ZBTOP' -r '$T_DIR/$name' --speed 0"
t_wait 'end of file' 15 || t_fail "no replay under LANG=C"
t_cap | sed -n 1p | grep -Eq ' up [0-9]+:[0-9]{2}:[0-9]{2}$' ||
    t_fail "LANG=C: the header's first line does not end in the uptime"
f=$(field)
tail=${f#...}
[ "$tail" != "$f" ] || t_fail "LANG=C: the source is not cut with '...': '$f'"
case "$tail" in
'\x'*) ;;
*) t_fail "LANG=C: the cut source does not start with a whole escape: '$f'" ;;
esac
case "$esc" in
*"$tail") ;;
*) t_fail "LANG=C: '$tail' is not the end of the escaped name" ;;
esac
[ ${#f} -le 16 ] || t_fail "LANG=C: the source takes ${#f} columns"
exit 0
