-- wrk script for scripts/loadtest: GETs paths drawn at random from a file (one path a
-- line, repeated lines weigh more) and counts responses by status code.
--   wrk ... -s scripts/loadtest.lua URL -- PATHS_FILE [API_KEY]
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    paths = {}
    for line in io.lines(args[1]) do
        if line ~= "" then table.insert(paths, line) end
    end
    headers = {["Accept"] = "application/json"}
    if args[2] and args[2] ~= "" then headers["X-API-Key"] = args[2] end
    statuses = {}
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
    return wrk.format("GET", paths[math.random(#paths)], headers)
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
    end
    local parts = {}
    for status, count in pairs(total) do
        table.insert(parts, string.format('"%d": %d', status, count))
    end
    local e = summary.errors
    io.write(string.format(
        'LOADTEST_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "statuses": {%s}, ' ..
        '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}, ' ..
        '"latency_us": {"mean": %.0f, "p50": %d, "p90": %d, "p99": %d, "max": %d}}\n',
        summary.requests, summary.duration, summary.bytes, table.concat(parts, ", "),
        e.connect, e.read, e.write, e.timeout, e.status,
        latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99),
        latency.max))
end
