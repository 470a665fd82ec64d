-- wrk script: walks the result pages of one search (PAGES of them, in a scattered order), so
-- that nearly every request needs cards that are not in the card cache. Measures the search
-- page when it has to go to the database.
local path = os.getenv("SEARCH_PATH") or "/en/jobs"
local pages = tonumber(os.getenv("PAGES") or "500")
local sep = path:find("?", 1, true) and "&" or "?"
local counter = 0

request = function()
  counter = counter + 1
  -- 7 is prime to the usual page counts: consecutive requests land far apart.
  return wrk.format(nil, path .. sep .. "page=" .. ((counter * 7) % pages + 1))
end

-- As bench/p95.lua.
done = function(summary, latency, requests)
  io.write(string.format("p95-us %d\n", latency:percentile(95)))
end
