-- Step 2 of a binding, on the BENEFICIARY's slot: the invariants a race could break are
-- checked again here, atomically (R4: no reverse, at most `max` authorizers; R19: the facts
-- read for checkBinding have not changed since).
-- KEYS: 1 B.person, 2 B.in, 3 B.out, 4 B.bind, 5 B.feed, 6 B.void
-- ARGV: 1 A, 2 bindingId, 3 recordJSON, 4 max, 5 expected B.ver, 6 B.in entry JSON, 7 event JSON,
--       8 our claim's time (ms)
local existing = redis.call('HGET', KEYS[4], ARGV[2])
if existing then
  if cjson.decode(existing).status == 'active' then return {'OK', 'exists'} end
  return {'BINDING_ENDED'}
end
-- Withdrawn (the invitation was cancelled, rejected, expired or closed): never committed now.
if redis.call('HEXISTS', KEYS[6], ARGV[2]) == 1 then return {'BINDING_ENDED'} end
if redis.call('HGET', KEYS[1], 'ver') ~= ARGV[5] then return {'RETRY'} end
local reverse = redis.call('HGET', KEYS[3], ARGV[1])
if reverse then
  local r = cjson.decode(reverse)
  if r.state == 'active' then return {'REVERSE_BINDING'} end
  -- R4, A → B and B → A accepted at once: both claims are visible to both commits. The earlier
  -- claim wins (then the smaller id), the same answer on both sides, so exactly one proceeds.
  if r.state == 'pending' then
    local mine, theirs = tonumber(ARGV[8]), tonumber(r.at)
    if theirs < mine or (theirs == mine and r.bindingId < ARGV[2]) then return {'REVERSE_BINDING'} end
  end
end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return {'DUPLICATE_BINDING'} end
if redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[4]) then return {'BENEFICIARY_ALREADY_BOUND'} end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[6])
redis.call('HSET', KEYS[4], ARGV[2], ARGV[3])
redis.call('XADD', KEYS[5], 'MAXLEN', '~', '1000', '*', 'e', ARGV[7])
return {'OK', 'created'}
