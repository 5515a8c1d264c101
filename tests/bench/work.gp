# The seed's question as a figure: capture CPU per packet against frame
# size, -m zbuf and -m copy x --bench-work none|touch|scan, full rate and
# paced.  Called by tests/bench/work-report with dir and rate set (-e).
set terminal pngcairo size 1100,480 font "sans,10"
set output dir."/work.png"
set multiplot layout 1,2 title "zbtop capture CPU per packet (median; log scale)"
set logscale y
set grid ytics mytics lc rgb "#dddddd"
set xrange [0:1600]
set xtics (64, 512, 1024, 1514)
set xlabel "frame size (bytes)"
set ylabel "capture CPU-ns per packet"
set key top left font ",9" spacing 1.1
set style line 1 lc rgb "#1f5fbf" lw 2 pt 7 ps 1.2 dt 1
set style line 2 lc rgb "#1f5fbf" lw 2 pt 5 ps 1.2 dt 2
set style line 3 lc rgb "#1f5fbf" lw 2 pt 9 ps 1.4 dt 4
set style line 4 lc rgb "#c0392b" lw 2 pt 7 ps 1.2 dt 1
set style line 5 lc rgb "#c0392b" lw 2 pt 5 ps 1.2 dt 2
set style line 6 lc rgb "#c0392b" lw 2 pt 9 ps 1.4 dt 4
set style line 7 lc rgb "#888888" lw 1 pt 1 ps 1 dt 3
set style line 8 lc rgb "#555555" lw 1 pt 2 ps 1 dt 3
set style line 9 lc rgb "#2e8b57" lw 1 pt 3 ps 1 dt 3
do for [p in "max rate"] {
	f = dir."/work-".p.".dat"
	set title (p eq "max" ? "full rate (generator-limited)" : rate." frames/s")
	plot f u 1:2 w lp ls 1 t "zbuf none", \
	     f u 1:3 w lp ls 2 t "zbuf touch", \
	     f u 1:4 w lp ls 3 t "zbuf scan", \
	     f u 1:5 w lp ls 4 t "copy none", \
	     f u 1:6 w lp ls 5 t "copy touch", \
	     f u 1:7 w lp ls 6 t "copy scan", \
	     f u 1:8 w lp ls 7 t "nullcap zbuf (floor)", \
	     f u 1:9 w lp ls 8 t "nullcap copy", \
	     f u 1:10 w lp ls 9 t "tcpdump -w /dev/null"
}
unset multiplot
