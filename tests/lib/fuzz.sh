# Sourced by the fuzzing tests.  zb_need_libfuzzer DIR: exits 77 (skip)
# unless clang can link a libFuzzer target; DIR holds the probe.
zb_need_libfuzzer() {
	if ! command -v clang >/dev/null 2>&1; then
		echo "needs clang with libFuzzer" >&2
		exit 77
	fi
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n{ return 0; }\n' \
	    >"$1/probe.c"
	if ! clang -fsanitize=fuzzer -o "$1/probe" "$1/probe.c" \
	    >/dev/null 2>&1; then
		echo "needs clang with libFuzzer" >&2
		exit 77
	fi
}
