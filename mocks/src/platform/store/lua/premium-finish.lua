-- Premium, last step, on the RELATIVE's slot: mark the year paid, or release the claim.
-- KEYS: 1 B.premium, 2 B.feed
-- ARGV: 1 year, 2 paymentId, 3 'paid'|'release', 4 paid JSON, 5 event JSON
local current = redis.call('HGET', KEYS[1], ARGV[1])
local c = current and cjson.decode(current) or nil
if not c or c.paymentId ~= ARGV[2] then return {'OK', 'other'} end
if ARGV[3] == 'paid' then
  if c.status == 'paid' then return {'OK', 'already'} end
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
  redis.call('XADD', KEYS[2], 'MAXLEN', '~', '1000', '*', 'e', ARGV[5])
  return {'OK', 'paid'}
end
if c.status == 'pending' then redis.call('HDEL', KEYS[1], ARGV[1]) end
return {'OK', 'released'}
