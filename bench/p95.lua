-- wrk script: prints the 95th percentile of latency, which wrk's --latency table leaves out
-- (it shows 50, 75, 90 and 99). bench/run reads the "p95-us" line.
done = function(summary, latency, requests)
  io.write(string.format("p95-us %d\n", latency:percentile(95)))
end
