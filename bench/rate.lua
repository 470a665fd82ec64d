-- Paces wrk's connections so that together they ask for about `rate` requests a second, each
-- connection waiting a random time between its answer and its next request (uniform, mean 90 %
-- of connections / rate, so that the answers' own time still leaves the rate reached). Without
-- it, wrk measures capacity: every connection always waiting, latency then being the queue's.
-- Usage: wrk -c 32 -s bench/rate.lua URL -- RATE CONNECTIONS
local mean_ms = 0

function init(args)
    local rate, connections = tonumber(args[1]), tonumber(args[2])
    mean_ms = connections / rate * 1000 * 0.9
    -- Each thread its own sequence, so that connections do not fire together.
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function delay()
    return math.random() * 2 * mean_ms
end
