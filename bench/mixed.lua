-- wrk script: a closed workload of signed-in DVK users, one connection per wrk thread (-t N -c N) so that each
-- request's latency can be timed here and logged per kind. Arguments after "--": MIX LOGDIR THREADS
--   MIX: mixed (reads and 4% write transitions), reads, writes, public (the public library's list and model pages),
--   ceiling (GET /api/v1/users/me), or one kind's name.
--   SCOPE (4th argument, default province): province — the list, search, statistics and dashboard kinds read one
--   province as its viewer; central — they read the whole country as the central viewer (unit TW).
-- The central viewer's list (first pages, no filter) and search are kinds of every mix (central_list, central_search).
-- Data (tokens, session cookies, ids) come from bench/prepare.py through $DVK_BENCH_DATA.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } dvk_timespec;
  int clock_gettime(int clk, dvk_timespec *ts);
]]
local ts = ffi.new("dvk_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local threads = {}
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local D, mix, scope, log, kinds, weights, total
local kind, started, current
local writes, wi = {}, 0

local MIXES = {
  mixed = { stats_national = 8, stats_province = 12, dashboard = 6, list = 16, search = 10, central_list = 3,
            central_search = 3, model_api = 14, model_page = 8, inbox = 10, write = 4, public_list = 6,
            public_page = 6 },
  reads = { stats_national = 8, stats_province = 12, dashboard = 6, list = 16, search = 10, central_list = 3,
            central_search = 3, model_api = 14, model_page = 8, inbox = 10, public_list = 6, public_page = 6 },
  public = { public_list = 1, public_page = 1 },
  writes = { write = 1 },
  ceiling = { me = 1 },
}

local function pick(list) return list[math.random(#list)] end
-- the viewer whose scope the list, search, statistics and dashboard kinds read
local function viewer()
  if scope == "central" then return { unit = "TW", token = D.national } end
  return pick(D.provinces)
end
-- percent-encodes a search term (UTF-8 bytes included: Tomcat refuses raw non-ASCII bytes in a request line)
local function encode(term)
  return (term:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  D = dofile(os.getenv("DVK_BENCH_DATA"))
  mix = args[1] or "mixed"
  scope = args[4] or "province"
  local dir = args[2] or "."
  math.randomseed(1000 + tid)
  local m = MIXES[mix] or { [mix] = 1 }
  kinds, weights, total = {}, {}, 0
  for k, w in pairs(m) do
    table.insert(kinds, k); total = total + w; table.insert(weights, total)
  end
  log = io.open(string.format("%s/lat-%s-%03d.tsv", dir, mix, tid), "w")
  log:setvbuf("line")
  -- this thread's share of the submitted models: appraise (ask for changes), then resubmit, and again; no two
  -- threads share a model
  local n, i = tonumber(args[3] or "1"), 0
  for _, w in ipairs(D.writers) do
    for _, id in ipairs(w.models) do
      i = i + 1
      -- the writes run and the mixed run take alternate models, so each starts from submitted registrations
      if i % 2 == (mix == "writes" and 0 or 1) and math.floor((i - 1) / 2) % n == tid then
        table.insert(writes, { id = id, writer = w, submitted = true })
      end
    end
  end
end

local function get(path, token) return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }) end
local function page(path, cookie) return wrk.format("GET", path, { ["Cookie"] = cookie, ["Accept"] = "text/html" }) end

local BUILD = {
  me = function() return get("/api/v1/users/me", D.national) end,
  stats_national = function()
    return get("/api/v1/statistics?unit=TW&year=" .. math.random(2021, 2025), D.national)
  end,
  stats_province = function()
    local p = viewer()
    return get("/api/v1/statistics?unit=" .. p.unit .. "&year=" .. math.random(2021, 2025), p.token)
  end,
  dashboard = function()
    return page("/statistics?year=" .. math.random(2022, 2025),
      scope == "central" and D.central_page or pick(D.viewer_pages))
  end,
  list = function()
    local p = viewer()
    local statuses = { "ACCEPTED", "RECOGNIZED", "SUBMITTED", "PROPOSED" }
    return get("/api/v1/models?status=" .. pick(statuses) .. "&year=" .. math.random(2021, 2025) .. "&page="
      .. math.random(0, 4) .. "&size=20", p.token)
  end,
  search = function()
    local p = viewer()
    return get("/api/v1/models?q=" .. encode(pick(D.terms)) .. "&size=20", p.token)
  end,
  central_list = function()
    return get("/api/v1/models?size=20&page=" .. math.random(0, 2), D.national)
  end,
  central_search = function()
    return get("/api/v1/models?q=" .. encode(pick(D.central_terms)) .. "&size=20", D.national)
  end,
  model_api = function()
    local r = pick(D.readers)
    return get("/api/v1/models/" .. pick(r.models), r.token)
  end,
  model_page = function()
    local i = math.random(#D.pages)
    return page("/models/" .. pick(D.readers[i].models), D.pages[i])
  end,
  inbox = function() return page("/", pick(D.pages)) end,
  -- the public library without sign-in (vn.dvk.showcase): a list page (a province, a year or a word) and a model's
  -- public page; no cookie, no token, as a citizen's browser sends them the first time
  public_list = function()
    local r = math.random(3)
    local q = r == 1 and ("province=" .. pick(D.provinces).unit) or r == 2 and ("year=" .. math.random(2021, 2025))
      or ("q=" .. encode(pick(D.terms)))
    return wrk.format("GET", "/cong-khai?" .. q .. "&page=" .. math.random(0, 2), { ["Accept"] = "text/html" })
  end,
  public_page = function()
    if #D.public_models == 0 then return nil end
    return wrk.format("GET", "/cong-khai/mo-hinh/" .. pick(D.public_models), { ["Accept"] = "text/html" })
  end,
  write = function()
    if #writes == 0 then return nil end
    wi = wi % #writes + 1
    local m = writes[wi]
    current = m
    local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
    if m.submitted then
      headers["Authorization"] = "Bearer " .. m.writer.appraiser
      return wrk.format("POST", "/api/v1/models/" .. m.id .. "/appraisal", headers,
        '{"decision":"REQUEST_CHANGES","comment":"Bổ sung số liệu kết quả (benchmark)"}')
    end
    headers["Authorization"] = "Bearer " .. m.writer.reporter
    return wrk.format("POST", "/api/v1/models/" .. m.id .. "/submit", headers)
  end,
}

function request()
  local r = math.random() * total
  kind = kinds[#kinds]
  for i, w in ipairs(weights) do
    if r < w then kind = kinds[i]; break end
  end
  local req = BUILD[kind]()
  if req == nil then kind = "me"; req = BUILD.me() end
  started = now_us()
  return req
end

function response(status, headers, body)
  log:write(kind, "\t", status, "\t", string.format("%.0f", now_us() - started), "\n")
  -- a write answered 409 found the model in the other state (a write of an earlier run was answered after that run
  -- stopped waiting, or the run started from a stale list): it is counted as an error, and the next write of that
  -- model is the other transition, so that one stale model does not fail for the rest of the run
  if kind == "write" and (status == 200 or status == 409) then
    current.submitted = not current.submitted
  end
end

function done(summary, latency, requests)
  io.write(string.format("wrk: %d requests, %d errors (connect %d, read %d, write %d, status %d, timeout %d)\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
