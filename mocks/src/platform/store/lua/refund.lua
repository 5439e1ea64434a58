-- Gives back to ONE account what one settlement took from it (R23 cancellation, R24 reversal of
-- the settlement), once per refund op. It checks neither the binding nor the insurance: the
-- money was this account's (R23), whatever happened since (R7, R8).
-- What the settlement still holds of this account is `net:<debit op>` in X.applied (the debit's
-- take at first, 0 after a refund, up again after a take-back): a refund gives back exactly
-- that, so no fen goes back twice, whichever operation asks and however often.
-- When the debit never applied here it is tombstoned: a debit of that op that comes later (a
-- half-done settlement resumed by a retry or the sweeper) finds the record and takes nothing (R24).
-- KEYS: 1 X.person, 2 X.applied, 3 X.led, 4 X.led:all, 5 X.led:by:<B>, 6 X.led:monthly, 7 X.feed, 8 X.led:marks
-- ARGV: 1 debit op id (stl:<S>), 2 refund op id (cnl:<C> | rev:<S>), 3 nowMs, 4 month of the settlement (YYYY-MM),
--       5 beneficiaryId, 6 entry JSON without its closing brace, 7 event JSON without its closing brace ('' for none),
--       8 mark JSON for the settlement's entry, without its closing brace
-- Returns {amount, balanceAfter, status, refundSeq}; status 'OK' | 'NONE' (nothing to give back).
local done = redis.call('HGET', KEYS[2], ARGV[2])
if done then
  local amount, balance, status, seq = string.match(done, '^(%d+)|(%d+)|(%u[%u_]*)|(%d*)')
  return {amount, balance, status, seq}
end
local balance = tonumber(redis.call('HGET', KEYS[1], 'balance') or '0')
local debit = redis.call('HGET', KEYS[2], ARGV[1])
if not debit then
  debit = string.format('0|%.0f|REVERSED|', balance)
  redis.call('HSET', KEYS[2], ARGV[1], debit)
end
local take, _b, _s, debitSeq = string.match(debit, '^(%d+)|(%d+)|(%u[%u_]*)|?(%d*)')
local netField = 'net:' .. ARGV[1]
local net = tonumber(redis.call('HGET', KEYS[2], netField) or take)
local record
if net > 0 then
  balance = redis.call('HINCRBY', KEYS[1], 'balance', net)
  local last = tonumber(redis.call('HGET', KEYS[1], 'ledScore') or '0')
  local score = string.format('%.0f', math.max(last + 1, tonumber(ARGV[3]) * 1000))
  redis.call('HSET', KEYS[1], 'ledScore', score)
  local tail = string.format(',"amount":%.0f,"balanceAfter":%.0f,"seq":"%s","refundOfSeq":"%s"}', net, balance, score, debitSeq)
  redis.call('HSET', KEYS[3], score, ARGV[6] .. tail)
  redis.call('ZADD', KEYS[4], score, score)
  redis.call('ZADD', KEYS[5], score, score)
  -- Monthly totals are net (R23): the refund is taken off the month the settlement counted in.
  redis.call('HINCRBY', KEYS[6], ARGV[4], -net)
  redis.call('HINCRBY', KEYS[6], ARGV[4] .. '|' .. ARGV[5], -net)
  if debitSeq ~= '' then redis.call('HSET', KEYS[8], debitSeq, ARGV[8] .. ',"refundSeq":"' .. score .. '"}') end
  redis.call('HSET', KEYS[2], netField, '0')
  if ARGV[7] ~= '' then
    redis.call('XADD', KEYS[7], 'MAXLEN', '~', '1000', '*', 'e', ARGV[7] .. string.format(',"amount":%.0f}', net))
  end
  record = string.format('%.0f|%.0f|OK|%s', net, balance, score)
else
  record = string.format('0|%.0f|NONE|', balance)
end
redis.call('HSET', KEYS[2], ARGV[2], record)
local amount, after, status, seq = string.match(record, '^(%d+)|(%d+)|(%u[%u_]*)|(%d*)')
return {amount, after, status, seq}
