-- wrk script: POST one full report per request, each with its own sourceReference, victim and time
-- (reports that all named one victim would be one person's repeat victimisation, not a load test).
-- The bearer token comes from the TOKEN environment variable (see intake-bench.sh).
local counter = 0
local thread_id = 0
local token = os.getenv("TOKEN")
local run = os.getenv("RUN") or "bench"

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

-- each run its own block of mobile numbers, so that runs do not meet as each other's repeat victims
math.randomseed(os.time())
local base = math.random(0, 999) * 1000000

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

local strands = { '{"code":"race"}', '{"code":"religion","subCategory":"anti-muslim"}',
                  '{"code":"sexual-orientation"}', '{"code":"disability","subCategory":"learning"}',
                  '{"code":"race"},{"code":"religion","subCategory":"antisemitic"}' }
local districts = { "sevenoaks", "dartford", "maidstone", "medway", "thanet", "tunbridge-wells" }

function request()
  counter = counter + 1
  local n = counter
  local body = string.format([[{"sourceReference":"%s-%d-%d","occurredAt":"2026-10-%02dT%02d:%02d:00Z",
"district":"%s","strands":[%s],"incidentTypes":["verbal-abuse"],"crimeSuspected":true,"perceivedBy":"victim",
"narrative":"Shouted at near the shops; the neighbour saw it.",
"victim":{"name":"Bench Person %d","phone":"07%09d","preferredContact":"phone","ageBand":"25-34"},
"consents":[{"recipientOrganisation":"kent-police","purpose":"investigation","level":"identifiable","method":"verbal"}]}]],
    run, id, n, (n % 28) + 1, n % 24, n % 60, districts[(n % #districts) + 1], strands[(n % #strands) + 1], n,
    (base + id * 100000000 + n) % 1000000000)
  return wrk.format(nil, "/api/v1/incidents", nil, body)
end

function response(status, headers, body)
  if status ~= 201 then
    io.stderr:write("unexpected status " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
  end
end
