#!/bin/sh
# PgUp and PgDn scroll the packet list a whole page at once, as less and
# htop do: the selected row keeps its place on the screen (the first
# PgUp from a following list scrolls; it does not first walk the
# selection to the top row).  The last page stays full; PgUp at the
# first page selects nothing new; End follows again.  The sample is
# replayed to its end, so the list holds still.
. tests/screen/lib.sh
t_sample

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0; sleep 600"
t_wait '^ Packets [0-9]+-[0-9]+ of [0-9]+  following .*100%' 15 ||
    t_fail "the replay does not reach its end"
span() { t_cap | sed -n 's/^ Packets \([0-9]*-[0-9]*\) of .*/\1/p'; }
a0=$(span | cut -d- -f1) b0=$(span | cut -d- -f2)
n=$((b0 - a0 + 1))
[ "$n" -ge 10 ] || t_fail "too few rows ($a0-$b0)"

# page KEY A B: after KEY the rows are frames A to B.
page() {
	t_keys "$1"
	t_wait "^ Packets $2-$3 of " 5 ||
	    t_fail "$1: rows $(span), not $2-$3"
}
# sel NO: Enter opens frame NO, the selected one; Esc goes back.
sel() {
	t_keys Enter
	t_wait "^ Packet $1  " 5 || t_fail "selected is not $1"
	t_keys Escape
	t_wait '^ Packets ' 5 || t_fail "Esc does not close the detail"
}

page PPage $((a0 - n)) $((b0 - n))
sel $((b0 - n))
page PPage $((a0 - 2 * n)) $((b0 - 2 * n))
page NPage $((a0 - n)) $((b0 - n))
sel $((b0 - n))
page NPage "$a0" "$b0"
page NPage "$a0" "$b0"
sel "$b0"
page Home 1 "$n"
sel 1
page NPage $((n + 1)) $((2 * n))
sel $((n + 1))
t_keys Down Down
page PPage 1 "$n"
sel 3
page PPage 1 "$n"
sel 1
t_keys End
t_wait "^ Packets $a0-$b0 of [0-9]+  following" 5 ||
    t_fail "End does not follow again"
t_keys q
exit 0
