# Latency distribution of the dashboard query: docs/bench/dashboard.png from the CSVs DashboardBench writes.
# gnuplot -e "dir='docs/bench/results/dashboard-run2'" docs/bench/dashboard.gp       (Debian: apt-get install gnuplot-nox)
if (!exists("dir")) dir = 'docs/bench/results/dashboard-run2'
set terminal pngcairo size 1200,520 font "sans,10"
set output 'docs/bench/dashboard.png'
set multiplot layout 1,2 title "Dashboard query (balance + currencies + 10 transactions): latency by percentile, same fake Stripe, interleaved"
# x: the percentile on a "nines" scale, 1/(1-p), so the tail (p90, p99, max) gets as much room as the median.
set xlabel "percentile of requests (log scale of 1/(1-p))"
x(p) = 100.0 / (100.0 - p + 0.2)
set xtics ("0%%" 1, "50%%" 2, "90%%" 10, "99%%" 100, "max" 500)
set ylabel "latency (ms)"
set grid
set termoption noenhanced
set key top left
set logscale x 10
set xrange [1:500]
set title "upstream latency 0 ms (y clipped at 60 ms: the max values are in the table)"
set yrange [0:60]
plot dir.'/dashboard-0ms-ours.csv' using (x($1)):2 with lines lw 2 title 'balancegraph /graphql (2 calls, concurrent)', \
     dir.'/dashboard-0ms-stripe-java.csv' using (x($1)):2 with lines lw 2 title 'stripe-java (2 calls, sequential)', \
     dir.'/dashboard-0ms-floor.csv' using (x($1)):2 with lines lw 2 dt 2 title 'one round trip (JDK client)', \
     dir.'/dashboard-0ms-graphql-hop.csv' using (x($1)):2 with lines lw 2 dt 3 title '/graphql, no Stripe call ({ __typename })'
set title "upstream latency 50 ms"
set yrange [0:*]
plot dir.'/dashboard-50ms-ours.csv' using (x($1)):2 with lines lw 2 title 'balancegraph /graphql (2 calls, concurrent)', \
     dir.'/dashboard-50ms-stripe-java.csv' using (x($1)):2 with lines lw 2 title 'stripe-java (2 calls, sequential)', \
     dir.'/dashboard-50ms-floor.csv' using (x($1)):2 with lines lw 2 dt 2 title 'one round trip (JDK client)', \
     dir.'/dashboard-50ms-graphql-hop.csv' using (x($1)):2 with lines lw 2 dt 3 title '/graphql, no Stripe call ({ __typename })'
unset multiplot
