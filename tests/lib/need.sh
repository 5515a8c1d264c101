# Sourced by tests/lib/netns.sh and tests/lib/corpus.sh: a test's skip
# when something it needs is not installed.

# zb_need CMD...: skip (exit 77, "needs CMD" as the last line of stderr)
# unless every CMD is installed.
zb_need() {
	for zb_c in "$@"; do
		command -v "$zb_c" >/dev/null 2>&1 ||
		    { echo "needs $zb_c" >&2; exit 77; }
	done
}
