-- Step 1 of a binding, on the AUTHORIZER's slot: claim "A → B" so that a racing B → A fails.
-- KEYS: 1 A.person, 2 A.in (A's authorizers), 3 A.out (A's beneficiaries)
-- ARGV: 1 B, 2 bindingId, 3 nowMs, 4 staleMs
-- Returns {'OK', 'claimed'|'active', A.ver} or {code}.
if redis.call('EXISTS', KEYS[1]) == 0 then return {'PERSON_NOT_FOUND'} end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return {'REVERSE_BINDING'} end -- R4
local current = redis.call('HGET', KEYS[3], ARGV[1])
if current then
  local c = cjson.decode(current)
  if c.state == 'active' then
    if c.bindingId == ARGV[2] then return {'OK', 'active', redis.call('HGET', KEYS[1], 'ver')} end
    return {'DUPLICATE_BINDING'}
  end
  if c.state == 'pending' and c.bindingId ~= ARGV[2] and tonumber(ARGV[3]) - tonumber(c.at) < tonumber(ARGV[4]) then
    return {'REQUEST_IN_PROGRESS'}
  end
end
redis.call('HSET', KEYS[3], ARGV[1], cjson.encode({ bindingId = ARGV[2], state = 'pending', at = ARGV[3] }))
return {'OK', 'claimed', redis.call('HGET', KEYS[1], 'ver')}
