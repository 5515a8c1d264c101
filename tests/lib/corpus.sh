# Sourced by the corpus tests, from the repository root, after their
# header comment: what tests/run would export (ZBTOP, SHARED) when the
# script runs on its own, TZ=GMT0 so that zbtop and tcpdump print the
# same stamps on any machine, zb_corpus, zb_same and the comparisons with
# tcpdump (zb_vs_tcpdump, zb_cuts_vs_tcpdump on captures of zb_craft).
. tests/lib/need.sh

ZBTOP=${ZBTOP:-./zbtop}
SHARED=${SHARED:-../shared}
TZ=GMT0
export TZ

# zb_same A B WHAT [empty]: 0 when file A (what is expected, often
# tcpdump's output) and file B (what was got) are the same; else "FAIL:
# WHAT:", the first 10 lines of their diff on stdout, fail=1, and 1.
# Two empty files fail too (a run that printed nothing agrees with
# anything), unless the caller says with "empty" that nothing is the
# answer it expects.
zb_same() {
	if [ ! -s "$1" ] && [ ! -s "$2" ] && [ "${4:-}" != empty ]; then
		printf 'FAIL: %s: both outputs are empty\n' "$3"
		fail=1
		return 1
	fi
	cmp -s "$1" "$2" && return 0
	printf 'FAIL: %s:\n' "$3"
	diff "$1" "$2" | head -n 10
	# shellcheck disable=SC2034	# the caller's status
	fail=1
	return 1
}

# zb_corpus [NEED...]: how a corpus test starts.  Skip (exit 77, the
# reason as the last line of stderr) at the first NEED missing, in the
# order given: "zbtop" is an executable $ZBTOP, "san" an executable
# $ZBTOP_SAN (the sanitizer build; obj-san/zbtop when not set),
# "corpus" the shared corpus in $SHARED/corpus (its tcpdump set),
# anything else a command (zb_need).  Then a scratch directory in tmp,
# named after the script and removed on exit.
zb_corpus() {
	for zb_n in "$@"; do
		case $zb_n in
		zbtop)	[ -x "$ZBTOP" ] ||
			    { echo "needs $ZBTOP (make)" >&2; exit 77; } ;;
		san)	: "${ZBTOP_SAN:=obj-san/zbtop}"
			[ -x "$ZBTOP_SAN" ] || { echo \
			    "needs $ZBTOP_SAN (make test-build)" >&2
			    exit 77; } ;;
		corpus)	[ -d "$SHARED/corpus/tcpdump" ] || { echo \
			    "needs the shared corpus in $SHARED/corpus" >&2
			    exit 77; } ;;
		*)	zb_need "$zb_n" ;;
		esac
	done
	zb_n=${0##*/}
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-${zb_n%.sh}.XXXXXX") || exit 1
	trap 'rm -rf "$tmp"' EXIT INT TERM
}

# zb_vs_tcpdump LABEL FILE [OPT...]: tcpdump -n OPT... -r FILE and
# $ZBTOP -n OPT... -r FILE write the same standard output, and it is not
# empty (tcpdump's stray ">" after a cut TCP option, "TS [|tcp]>", taken
# out first: README says zbtop does not copy it).  Otherwise prints
# LABEL, the options, how many lines differ and the first differences,
# and sets fail=1.  Uses $tmp/want and $tmp/got.
zb_vs_tcpdump() {
	zb_l=$1 zb_f=$2
	shift 2
	tcpdump -n "$@" -r "$zb_f" 2>/dev/null |
	    sed 's/ \[|tcp\]>$/ [|tcp]/' >"$tmp/want"
	"$ZBTOP" -n "$@" -r "$zb_f" >"$tmp/got" 2>/dev/null </dev/null
	if [ ! -s "$tmp/want" ] || ! cmp -s "$tmp/want" "$tmp/got"; then
		echo "FAIL: $zb_l -n $*: $(diff "$tmp/want" "$tmp/got" |
		    grep -c '^<') of $(wc -l <"$tmp/want") lines differ" \
		    "from tcpdump's:"
		diff "$tmp/want" "$tmp/got" | head -n 6
		fail=1
	fi
}

# zb_craft SET FILE: tests/lib/craft.py's capture SET written to FILE;
# exits 1 (the test fails) when it cannot be.
zb_craft() {
	python3 tests/lib/craft.py "$1" "$2" ||
	    { echo "FAIL: tests/lib/craft.py $1"; exit 1; }
}

# zb_cuts_vs_tcpdump LABEL FILE FROM TO [OPT...]: FILE cut by the
# snapshot length ($ZBTOP -s N -w) at every N from FROM to TO, each cut
# compared by zb_vs_tcpdump without options and with each OPT alone.
# Uses $tmp/cut.pcap.
zb_cuts_vs_tcpdump() {
	zb_cl=$1 zb_cf=$2 zb_cn=$3 zb_ct=$4
	shift 4
	while [ "$zb_cn" -le "$zb_ct" ]; do
		"$ZBTOP" -r "$zb_cf" -s "$zb_cn" -w "$tmp/cut.pcap" \
		    >/dev/null 2>&1 </dev/null
		zb_vs_tcpdump "$zb_cl cut at $zb_cn," "$tmp/cut.pcap"
		for zb_co in "$@"; do
			zb_vs_tcpdump "$zb_cl cut at $zb_cn," "$tmp/cut.pcap" \
			    "$zb_co"
		done
		zb_cn=$((zb_cn + 1))
	done
}

# zb_ends PID TENTHS: 0 once process PID has ended, within TENTHS tenths
# of a second; else 1, and it is killed (SIGKILL).
zb_ends() {
	zb_i=0
	while kill -0 "$1" 2>/dev/null && [ $zb_i -lt "$2" ]; do
		sleep 0.1
		zb_i=$((zb_i + 1))
	done
	kill -0 "$1" 2>/dev/null || return 0
	kill -KILL "$1"
	return 1
}
