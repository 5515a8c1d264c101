#!/bin/sh
# -r replays run the FreeBSD consumer core, src/bpfz.c: build zbtop again
# in a scratch copy with the core broken one way at a time, and the replay
# of tests/data/sample.pcap must end with a batch line ("captured=N
# ...") other than the real build's.  About 40 s: three builds at -O0.
# Mutations: records walked without BPF_WORDALIGN; buffers taken in the
# wrong order (always A, not A, B, A, B); a buffer never given back.
# Each sed is checked to have changed the file, so this cannot pass by
# mutating nothing.
top=$(pwd)
. tests/lib/corpus.sh
zb_corpus
sample=tests/data/sample.pcap

replay() {
	"$1" -r "$sample" -b --iterations 1 --speed 0 2>&1 | tail -n 1
}

good=$(replay "$top/zbtop")
case $good in
captured=[1-9]*) ;;
*)	echo "the real build does not replay: $good"; exit 1 ;;
esac

fail=0
mutate() {
	name=$1 expr=$2
	rm -rf "$tmp/w"
	mkdir -p "$tmp/w"
	cp -R "$top/src" "$top/Makefile" "$tmp/w/"
	cp "$tmp/w/src/bpfz.c" "$tmp/orig.c"
	sed -i "$expr" "$tmp/w/src/bpfz.c"
	if cmp -s "$tmp/w/src/bpfz.c" "$tmp/orig.c"; then
		echo "$name: the mutation changed nothing"; fail=1; return
	fi
	if ! make -s -C "$tmp/w" -j2 zbtop CFLAGS=-O0 >"$tmp/build.log" 2>&1
	then
		echo "$name: the mutant does not build"; cat "$tmp/build.log"
		fail=1; return
	fi
	bad=$(timeout 60 sh -c "cd '$top' && '$tmp/w/zbtop' -r '$sample' -b \
	    --iterations 1 --speed 0 2>&1 | tail -n 1")
	if [ "$bad" = "$good" ]; then
		echo "$name: replay unchanged with a broken core: $bad"; fail=1
	else
		echo "$name: $bad (real: $good)"
	fi
}

mutate noalign 's/left = BPFC_ALIGN(x.hdrlen + x.caplen);/left = x.hdrlen + x.caplen;/'
mutate order 's/z->next = (z->next + 1) % BPFZ_NBUFS;/z->next = 0;/'
mutate noack 's/__atomic_store_n(&h->user_gen, v->gen, __ATOMIC_RELEASE);/(void)h;/'
exit $fail
