# The seed's question as a figure: capture CPU per packet against frame
# size, -m zbuf and -m copy x --bench-work none|touch|scan, full rate and
# paced.  Called by tests/bench/work-report with dir and rate set (-e).
set terminal pngcairo size 1100,480 font "sans,10"
set output dir."/work.png"
set multiplot layout 1,2 title "zbtop capture CPU per packet (median and min-max of the runs; log scale)"
set logscale y
set grid ytics mytics lc rgb "#dddddd"
set xrange [0:1600]
set xtics (64, 512, 1024, 1514)
set xlabel "frame size (bytes)"
set ylabel "capture CPU-ns per packet"
set yrange [10:100000]
set key top center horizontal maxrows 3 width -3 font ",9"
names = "zbuf-none zbuf-touch zbuf-scan copy-none copy-touch copy-scan nullcap-zbuf(floor) nullcap-copy tcpdump-w"
set style line 1 lc rgb "#1f5fbf" lw 2 pt 7 ps 1.2 dt 1
set style line 2 lc rgb "#1f5fbf" lw 2 pt 5 ps 1.2 dt 2
set style line 3 lc rgb "#1f5fbf" lw 2 pt 9 ps 1.4 dt 4
set style line 4 lc rgb "#c0392b" lw 2 pt 7 ps 1.2 dt 1
set style line 5 lc rgb "#c0392b" lw 2 pt 5 ps 1.2 dt 2
set style line 6 lc rgb "#c0392b" lw 2 pt 9 ps 1.4 dt 4
set style line 7 lc rgb "#888888" lw 1 pt 1 ps 1 dt 3
set style line 8 lc rgb "#555555" lw 1 pt 2 ps 1 dt 3
set style line 9 lc rgb "#2e8b57" lw 1 pt 3 ps 1 dt 3
# Column of series i's median; min and max follow it.
m(i) = 3 * i - 1
do for [p in "max rate"] {
	f = dir."/work-".p.".dat"
	set title (p eq "max" ? "full rate (generator-limited)" : "paced: ".rate." frames/s requested")
	plot for [i = 1:9] f u 1:m(i):m(i)+1:m(i)+2 w yerrorlines ls i \
	    t word(names, i)
}
unset multiplot
