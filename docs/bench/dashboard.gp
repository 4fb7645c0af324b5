# Latency distribution of the dashboard query: docs/bench/dashboard.png from the CSVs DashboardBench writes.
# gnuplot -e "dir='docs/bench/results'" docs/bench/dashboard.gp       (Debian: apt-get install gnuplot-nox)
if (!exists("dir")) dir = 'docs/bench/results'
set terminal pngcairo size 1200,520 font "sans,10"
set output 'docs/bench/dashboard.png'
set multiplot layout 1,2 title "Dashboard query (balance + currencies + 10 transactions): latency by percentile, same fake Stripe, interleaved"
set xlabel "percentile of requests"
set ylabel "latency (ms)"
set grid
set key top left
set logscale x 10
set xrange [1:100]
set title "upstream latency 0 ms"
plot dir.'/dashboard-0ms-ours.csv' using 1:2 with lines lw 2 title 'balancegraph /graphql (2 calls, concurrent)', \
     dir.'/dashboard-0ms-stripe-java.csv' using 1:2 with lines lw 2 title 'stripe-java (2 calls, sequential)', \
     dir.'/dashboard-0ms-floor.csv' using 1:2 with lines lw 2 dt 2 title 'one round trip (JDK client)'
set title "upstream latency 50 ms"
plot dir.'/dashboard-50ms-ours.csv' using 1:2 with lines lw 2 title 'balancegraph /graphql (2 calls, concurrent)', \
     dir.'/dashboard-50ms-stripe-java.csv' using 1:2 with lines lw 2 title 'stripe-java (2 calls, sequential)', \
     dir.'/dashboard-50ms-floor.csv' using 1:2 with lines lw 2 dt 2 title 'one round trip (JDK client)'
unset multiplot
