-- Step 3 of a binding, on the AUTHORIZER's slot: turn the claim into an active entry (money
-- may flow from now on), or release it when the commit was refused.
-- KEYS: 1 A.person, 2 A.out, 3 A.feed
-- ARGV: 1 B, 2 bindingId, 3 'active'|'release', 4 active entry JSON, 5 event JSON ('' for none)
local current = redis.call('HGET', KEYS[2], ARGV[1])
local c = current and cjson.decode(current) or nil
if ARGV[3] == 'active' then
  if c and c.state == 'active' and c.bindingId == ARGV[2] then
    return {'OK', 'already', redis.call('HGET', KEYS[1], 'ver')}
  end
  -- Ended already (its end began on this side): a late finish, a retry or a sweep never revives it.
  if c and c.state == 'ended' and c.bindingId == ARGV[2] then
    return {'OK', 'ended', redis.call('HGET', KEYS[1], 'ver')}
  end
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
  if ARGV[5] ~= '' then redis.call('XADD', KEYS[3], 'MAXLEN', '~', '1000', '*', 'e', ARGV[5]) end
  return {'OK', 'active', redis.call('HGET', KEYS[1], 'ver')}
end
if c and c.state == 'pending' and c.bindingId == ARGV[2] then redis.call('HDEL', KEYS[2], ARGV[1]) end
return {'OK', 'released', redis.call('HGET', KEYS[1], 'ver')}
