-- R14: the beneficiary sets the order of their authorizers; it must list each active one once.
-- KEYS: 1 B.in
-- ARGV: 1 JSON array of authorizer ids, first = pays first
local ids = cjson.decode(ARGV[1])
if #ids ~= redis.call('HLEN', KEYS[1]) then return {'ORDER_MISMATCH'} end
local seen = {}
for _, id in ipairs(ids) do
  if seen[id] or redis.call('HEXISTS', KEYS[1], id) == 0 then return {'ORDER_MISMATCH'} end
  seen[id] = true
end
for i, id in ipairs(ids) do
  local entry = cjson.decode(redis.call('HGET', KEYS[1], id))
  entry.rank = tostring(i)
  redis.call('HSET', KEYS[1], id, cjson.encode(entry))
end
return {'OK'}
