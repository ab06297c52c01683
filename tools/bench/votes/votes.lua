-- wrk script: POSTs votes to the sample poll, each with a fresh idempotency key, each participant
-- casting one vote on each of the 17 statements (so the per-participant limit stays realistic).
--   wrk -t2 -c64 -d20s --latency -s tools/bench/votes/votes.lua http://127.0.0.1:18090
local poll = os.getenv("POLL") or "grondstoffen-repareren-inleveren"
local statements = tonumber(os.getenv("STATEMENTS") or "17")
local path = "/api/polls/" .. poll .. "/votes"
local votes = {"agree", "disagree", "pass", "agree"}
local municipalities = {"haarlem", "amsterdam", "almere", "zaanstad", "alkmaar", "lelystad"}
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  table.insert(threads, thread)
  next_id = next_id + 1
end

function init(args)
  sent = 0
  refused = 0
  statuses = {}
  -- Distinct per run and per wrk thread, so keys never repeat across runs on one database.
  math.randomseed(os.time() * 100 + id)
  prefix = string.format("b%08x%02d", math.random(0, 0x7fffffff), id)
end

function request()
  sent = sent + 1
  local participant = string.format("%s-p%010d", prefix, math.floor(sent / statements))
  local statement = (sent % statements) + 1
  local key = string.format("%s-k%012d", prefix, sent)
  local body = '{"participant":"' .. participant .. '","statement":' .. statement ..
               ',"vote":"' .. votes[(sent % 4) + 1] .. '","key":"' .. key ..
               '","municipality":"' .. municipalities[(math.floor(sent / statements) % 6) + 1] .. '"}'
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status ~= 200 then
    refused = refused + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local not_ok = 0
  for _, thread in ipairs(threads) do not_ok = not_ok + thread:get("refused") end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d non200=%d seconds=%.2f rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, not_ok, seconds, (summary.requests - not_ok) / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
