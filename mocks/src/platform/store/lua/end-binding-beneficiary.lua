-- Ending, step 2, on the BENEFICIARY's slot: record the end with its reason (R7, R8) and free
-- the beneficiary to be bound by others again.
-- KEYS: 1 B.in, 2 B.bind, 3 B.feed
-- ARGV: 1 A, 2 bindingId, 3 ended record JSON, 4 event JSON
local record = redis.call('HGET', KEYS[2], ARGV[2])
if not record then return {'NOT_BOUND'} end
if cjson.decode(record).status == 'ended' then return {'OK', 'already'} end
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and cjson.decode(current).bindingId == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', '1000', '*', 'e', ARGV[4])
return {'OK', 'ended'}
