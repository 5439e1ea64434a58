-- A cancellation's last step (R23) on the CARD HOLDER's slot: its result, the card holder's
-- refund record linked to the payment, the payment marked cancelled, and the notice (R20), once.
-- KEYS: 1 B.person, 2 B.stl:<S>, 3 B.cnl:<C>, 4 B.pay, 5 B.pay:all, 6 B.pay:marks, 7 B.feed
-- ARGV: 1 result JSON, 2 nowMs, 3 refund record JSON without its closing brace, 4 event JSON ('' for none)
local c = redis.call('HMGET', KEYS[3], 'status', 'result')
if c[1] == 'done' then return {'OK', c[2]} end
-- A reversal (R24) of this cancellation began meanwhile: it takes back what was refunded.
if c[1] ~= 'pending' then return {'OPERATION_REVERSED'} end
local last = tonumber(redis.call('HGET', KEYS[1], 'payScore') or '0')
local score = string.format('%.0f', math.max(last + 1, tonumber(ARGV[2]) * 1000))
redis.call('HSET', KEYS[1], 'payScore', score)
local paySeq = redis.call('HGET', KEYS[2], 'paySeq') or ''
redis.call('HSET', KEYS[4], score, ARGV[3] .. ',"seq":"' .. score .. '","refundOfSeq":"' .. paySeq .. '"}')
redis.call('ZADD', KEYS[5], score, score)
if paySeq ~= '' then redis.call('HSET', KEYS[6], paySeq, '{"cancelled":true,"refundSeq":"' .. score .. '"}') end
redis.call('HSET', KEYS[3], 'status', 'done', 'result', ARGV[1], 'paySeq', score)
if ARGV[4] ~= '' then redis.call('XADD', KEYS[7], 'MAXLEN', '~', '1000', '*', 'e', ARGV[4]) end
return {'OK', ARGV[1]}
