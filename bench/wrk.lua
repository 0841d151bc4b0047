-- wrk script for bench/run.py: GETs the paths of a file in turn, thread i taking lines i,
-- i+T, i+2T…, so no URL is sent twice before the whole list has been; counts responses by
-- status and the database queries they report (X-Bench-Queries).
--   wrk -t T ... -s bench/wrk.lua URL -- PATHS_FILE T [HEADER VALUE]
local threads = {}

function setup(thread)
    thread:set("thread_index", #threads)
    table.insert(threads, thread)
end

function init(args)
    paths = {}
    for line in io.lines(args[1]) do
        if line ~= "" then table.insert(paths, line) end
    end
    step = tonumber(args[2])
    headers = {["Accept"] = "application/json"}
    if args[3] and args[3] ~= "" then headers[args[3]] = args[4] end
    position = thread_index % #paths + 1
    statuses, counted, queried, queries = {}, 0, 0, 0
end

function request()
    local path = paths[position]
    position = (position + step - 1) % #paths + 1
    return wrk.format("GET", path, headers)
end

function response(status, response_headers, body)
    statuses[status] = (statuses[status] or 0) + 1
    local count = tonumber(response_headers["X-Bench-Queries"])
    if count then
        counted = counted + 1
        queries = queries + count
        if count > 0 then queried = queried + 1 end
    end
end

function done(summary, latency, requests)
    local total, sums = {}, {counted = 0, queried = 0, queries = 0}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
        for name in pairs(sums) do sums[name] = sums[name] + thread:get(name) end
    end
    local parts = {}
    for status, count in pairs(total) do
        table.insert(parts, string.format('"%d": %d', status, count))
    end
    local e = summary.errors
    io.write(string.format(
        'BENCH_JSON {"requests": %d, "duration_us": %d, "statuses": {%s}, ' ..
        '"socket_errors": %d, "counted": %d, "queried": %d, "queries": %d, ' ..
        '"latency_us": {"p50": %d, "p99": %d, "mean": %.0f, "max": %d}}\n',
        summary.requests, summary.duration, table.concat(parts, ", "),
        e.connect + e.read + e.write + e.timeout, sums.counted, sums.queried, sums.queries,
        latency:percentile(50), latency:percentile(99), latency.mean, latency.max))
end
