#!/bin/sh
# Protection checked: the screen replays a capture read from a FIFO (a
# pipe given as -r FILE, as "<(...)" gives one) whole, as tcpdump -r
# reads it.  The file index opens the file a second time; on a FIFO
# that is a second reader of the one stream, so it is left out and the
# status line says so.
#
# Can fail: with src/findex.c opening any path, the indexer and the
# replay shared the pipe: the replay stopped at packet 29 of 1987 with
# "bad packet record ... invalid packet capture length" after decoding
# bytes from the middle of other records.
. tests/screen/lib.sh
t_fifo
want=$T_WANT
cat "$T_PCAP" >"$T_DIR/fifo" &
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_DIR/fifo' --speed 0; echo zbtop exited \$?; sleep 600"
t_wait "  packets $want  drops 0  end of file" 20 ||
    t_fail "the FIFO's $want packets not all replayed"
t_cap | grep -q 'bad packet record\|capture stopped' &&
    t_fail "replay of the FIFO stopped on an error"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "no clean exit"
t_cap | grep -qx "$want packets captured" || t_fail "exit line not $want"
exit 0
