-- Ending, step 1, on the AUTHORIZER's slot: stop the money first (R7: at once). A debit for
-- this beneficiary checks this entry in the same slot, so none can follow.
-- KEYS: 1 A.out, 2 A.feed
-- ARGV: 1 B, 2 bindingId, 3 nowMs, 4 event JSON
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then
  local c = cjson.decode(current)
  if c.bindingId == ARGV[2] and c.state ~= 'ended' then
    redis.call('HSET', KEYS[1], ARGV[1], cjson.encode({ bindingId = ARGV[2], state = 'ended', at = ARGV[3] }))
    redis.call('XADD', KEYS[2], 'MAXLEN', '~', '1000', '*', 'e', ARGV[4])
    return {'OK', 'ended'}
  end
end
return {'OK', 'already'}
