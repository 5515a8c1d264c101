#!/bin/sh
# A view's title row always says where the view is and how to leave it
# ("1-20 of 31  Esc closes"), cutting the title's own text if it must:
# at 80x24 a packet's detail, whose title is "Packet N  date  80 bytes,
# 80 captured", then after PgDn; at 60x14, the smallest screen, too.
# Can fail: the title's text left no room, and the position and "Esc
# closes" were dropped whole at 80 columns and below.
. tests/screen/lib.sh
t_sample
for size in 80x24 60x14; do
	T_W=${size%x*} T_H=${size#*x}
	t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0"
	t_wait 'end of file' 15 || t_fail "$size: the file was not read"
	t_keys k Enter
	t_wait '^ Packet [0-9]+ ' 5 || t_fail "$size: Enter opened no detail"
	t_cap | sed -n 3p | grep -Eq '  1-[0-9]+ of [0-9]+  Esc closes$' ||
	    t_fail "$size: no position and no 'Esc closes' on the title row"
	t_keys NPage
	t_wait '^ Packet .*  [0-9]*[02-9]-[0-9]+ of [0-9]+  Esc closes$' 5 ||
	    t_fail "$size: PgDn: the title row does not follow"
	tmux -L "$T_SOCK" kill-server 2>/dev/null
	sleep 0.3
done
exit 0
