-- Step 2 of a binding, on the BENEFICIARY's slot: the invariants a race could break are
-- checked again here, atomically (R4: no reverse, at most `max` authorizers; R19: the facts
-- read for checkBinding have not changed since).
-- KEYS: 1 B.person, 2 B.in, 3 B.out, 4 B.bind, 5 B.feed
-- ARGV: 1 A, 2 bindingId, 3 recordJSON, 4 max, 5 expected B.ver, 6 B.in entry JSON, 7 event JSON
if redis.call('HGET', KEYS[1], 'ver') ~= ARGV[5] then return {'RETRY'} end
local existing = redis.call('HGET', KEYS[4], ARGV[2])
if existing then
  if cjson.decode(existing).status == 'active' then return {'OK', 'exists'} end
  return {'BINDING_ENDED'}
end
local reverse = redis.call('HGET', KEYS[3], ARGV[1])
if reverse and cjson.decode(reverse).state ~= 'ended' then return {'REVERSE_BINDING'} end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return {'DUPLICATE_BINDING'} end
if redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[4]) then return {'BENEFICIARY_ALREADY_BOUND'} end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[6])
redis.call('HSET', KEYS[4], ARGV[2], ARGV[3])
redis.call('XADD', KEYS[5], 'MAXLEN', '~', '1000', '*', 'e', ARGV[7])
return {'OK', 'created'}
