-- A settlement's last step on the CARD HOLDER's slot: its result, the card holder's record
-- of how the payment was split (R16) and the notice (R20), once.
-- KEYS: 1 B.person, 2 B.stl:<id>, 3 B.pay, 4 B.pay:all, 5 B.feed
-- ARGV: 1 result JSON, 2 nowMs, 3 payment record JSON without its closing brace, 4 event JSON ('' for none)
local status = redis.call('HGET', KEYS[2], 'status')
if status == 'done' then return {'OK', redis.call('HGET', KEYS[2], 'result')} end
-- A reversal (R24) began while the debits ran: it refunds them; this settlement never finishes.
if status ~= 'pending' then return {'REVERSED'} end
local last = tonumber(redis.call('HGET', KEYS[1], 'payScore') or '0')
local score = string.format('%.0f', math.max(last + 1, tonumber(ARGV[2]) * 1000))
redis.call('HSET', KEYS[1], 'payScore', score)
redis.call('HSET', KEYS[3], score, ARGV[3] .. ',"seq":"' .. score .. '"}')
redis.call('ZADD', KEYS[4], score, score)
redis.call('HSET', KEYS[2], 'status', 'done', 'result', ARGV[1], 'paySeq', score)
if ARGV[4] ~= '' then redis.call('XADD', KEYS[5], 'MAXLEN', '~', '1000', '*', 'e', ARGV[4]) end
return {'OK', ARGV[1]}
