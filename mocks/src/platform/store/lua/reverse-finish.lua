-- A reversal's last step (R24) on the CARD HOLDER's slot, once: the journal says 'reversed'; a
-- reversed settlement that had finished gets a refund record and its payment is marked; a
-- reversed cancellation lets the settlement stand again (its payment unmarked, the refund
-- record marked taken back, the settlement free to be cancelled anew); the notice (R20).
-- KEYS: 1 B.person, 2 B.stl:<S>, 3 B.cnl:<C> (for a settlement: B.stl:<S> again), 4 B.pay, 5 B.pay:all, 6 B.pay:marks, 7 B.feed
-- ARGV: 1 kind, 2 answer JSON, 3 nowMs, 4 refund record JSON without its closing brace ('' for none),
--       5 event JSON ('' for none), 6 cancellation id
local journal = KEYS[2]
if ARGV[1] == 'cancellation' then journal = KEYS[3] end
local j = redis.call('HMGET', journal, 'status', 'prev', 'revResult')
if j[1] == 'reversed' then return {'OK', j[3]} end
local paySeq = redis.call('HGET', KEYS[2], 'paySeq')
if ARGV[1] == 'settlement' then
  if j[2] == 'done' and paySeq and ARGV[4] ~= '' then
    local last = tonumber(redis.call('HGET', KEYS[1], 'payScore') or '0')
    local score = string.format('%.0f', math.max(last + 1, tonumber(ARGV[3]) * 1000))
    redis.call('HSET', KEYS[1], 'payScore', score)
    redis.call('HSET', KEYS[4], score, ARGV[4] .. ',"seq":"' .. score .. '","refundOfSeq":"' .. paySeq .. '"}')
    redis.call('ZADD', KEYS[5], score, score)
    redis.call('HSET', KEYS[6], paySeq, '{"cancelled":true,"refundSeq":"' .. score .. '"}')
  end
else
  if redis.call('HGET', KEYS[2], 'cnl') == ARGV[6] then redis.call('HDEL', KEYS[2], 'cnl') end
  if paySeq then redis.call('HDEL', KEYS[6], paySeq) end
  local refundPaySeq = redis.call('HGET', KEYS[3], 'paySeq')
  if refundPaySeq then redis.call('HSET', KEYS[6], refundPaySeq, '{"takenBack":true}') end
end
redis.call('HSET', journal, 'status', 'reversed', 'revResult', ARGV[2])
if ARGV[5] ~= '' then redis.call('XADD', KEYS[7], 'MAXLEN', '~', '1000', '*', 'e', ARGV[5]) end
return {'OK', ARGV[2]}
