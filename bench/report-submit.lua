-- wrk script for make bench: every request drafts a monthly report (POST,
-- one durable transaction with its audit record) for a (project, month)
-- pair no request used before: projects from BENCH_IDS (the 包保 leader's),
-- months 1900-01 onwards (never generated). bench/run.sh deletes these
-- reports again before a run, so a reused database starts clean.
local ids = {}
for id in string.gmatch(os.getenv("BENCH_IDS") or "", "%d+") do ids[#ids + 1] = id end
local headers = {
  ["Content-Type"] = "application/json",
  ["Cookie"] = os.getenv("BENCH_COOKIE") or "",
  ["X-CSRF-Token"] = os.getenv("BENCH_CSRF") or "",
}
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local counter = 0
function request()
  local n = counter * 2 + (tid or 0) -- wrk -t2: the two threads never meet
  counter = counter + 1
  local id = ids[(n % #ids) + 1]
  local k = math.floor(n / #ids)
  local body = string.format(
    '{"month":"%04d-%02d","invest_month":1000000,"progress_text":"压测 bench"}',
    1900 + math.floor(k / 12), k % 12 + 1)
  return wrk.format("POST", "/api/v1/projects/" .. id .. "/reports", headers, body)
end
