#!/bin/sh
# A replayed file read again (a new capture filter after its end) is
# counted by --metrics-file as by the exit lines: the second reading only.
# The sample replayed with --metrics-file; after its end, filter "udp";
# once the header counts N (zbtop --count for the file and that filter),
# the file, rewritten at that refresh, and again after q, says N packets
# (zbtop_packets_total, zbtop_kernel_packets_total and the rings' sum),
# as "N packets captured" does.
# Can fail: the metrics counted both readings (the whole file plus the
# filtered one) while the header and the exit lines said N.
. tests/screen/lib.sh
t_sample
mkdir -m 777 "$T_DIR/m"
prom="$T_DIR/m/zbtop.prom"
n=$(t_udp_count) || exit 77
t_replay "--metrics-file '$prom'"
t_wait '  end of file' 10 || t_fail "the replay did not end"
t_keys f
t_wait '^filter: ?$' 5 || t_fail "no filter prompt"
t_keys udp Enter
t_wait "  packets $n  drops 0  end of file" 20 ||
    t_fail "the header does not count $n packets after the reread"
# check WHEN: the file's three counts are n.
check() {
	awk -v n="$n" -v when="$1" '
	    /^zbtop_packets_total\{/ { p = $NF }
	    /^zbtop_kernel_packets_total\{/ { k = $NF }
	    /^zbtop_ring_packets_total\{/ { r += $NF }
	    END {
		if (p != n || k != n || r != n) {
			printf "%s: the file says packets %s, kernel %s, " \
			    "rings %s, not %s\n", when, p, k, r, n
			exit 1
		}
	    }' "$prom" || t_fail "$1: the metrics are not the reading shown"
}
# The next refresh writes the file with the header's numbers.
sleep 1.5
check "after the reread"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "no clean exit"
t_cap | grep -qx "$n packets captured" ||
    t_fail "the exit lines do not say '$n packets captured'"
check "at exit"
exit 0
