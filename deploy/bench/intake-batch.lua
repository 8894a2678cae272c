-- wrk script: POST batches of BATCH (default 500) full reports, each with its own sourceReference.
local counter = 0
local thread_id = 0
local token = os.getenv("TOKEN")
local run = os.getenv("RUN") or "bench"
local size = tonumber(os.getenv("BATCH") or "500")

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  local items = {}
  for i = 1, size do
    counter = counter + 1
    items[i] = string.format([[{"sourceReference":"%s-b%d-%d","occurredAt":"2026-11-01T19:30:00Z",
"district":"medway","strands":[{"code":"race"}],"incidentTypes":["harassment"],"crimeSuspected":false,
"perceivedBy":"victim","victim":{"name":"Batch Person %d","ageBand":"45-54"},
"consents":[{"recipientType":"police","purpose":"investigation","level":"identifiable","method":"written"}]}]],
      run, id, counter, counter)
  end
  return wrk.format(nil, "/api/v1/incidents/batch", nil, '{"incidents":[' .. table.concat(items, ",") .. ']}')
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"rejected":0', 1, true) then
    io.stderr:write("batch not fully accepted: " .. status .. " " .. string.sub(body, 1, 200) .. "\n")
  end
end
