-- Takes back ONE account's refund of a cancellation that is being reversed (R24): the settlement
-- stands again. Family money is taken only down to what R13 allows at this moment (own money
-- down to 0); what cannot be taken is reported as SHORT, to be paid in cash at the counter. The
-- binding is not checked: this undoes a refund of the same settlement seconds ago.
-- When the refund never applied here it is tombstoned, so that it never will (a half-done
-- cancellation resumed by a retry or the sweeper finds the record and gives nothing).
-- KEYS: 1 X.person, 2 X.applied, 3 X.led, 4 X.led:all, 5 X.led:by:<B>, 6 X.led:monthly, 7 X.feed, 8 X.led:marks
-- ARGV: 1 refund op id (cnl:<C>), 2 take-back op id (rcn:<C>), 3 nowMs, 4 month of the settlement (YYYY-MM),
--       5 beneficiaryId, 6 entry JSON without its closing brace, 7 event JSON without its closing brace ('' for none),
--       8 mode 'own'|'shared', 9 reserve floor (fen), 10 reserve mode 'floor'|'gate', 11 debit op id (stl:<S>)
-- Returns {taken, balanceAfter, status, seq, refunded}; status 'OK' | 'SHORT' | 'NONE' (no refund to take back).
-- The record kept in X.applied under the take-back op is the same five fields.
local PATTERN = '^(%d+)|(%d+)|(%u[%u_]*)|(%d*)|(%d+)$'
local done = redis.call('HGET', KEYS[2], ARGV[2])
if done then return {string.match(done, PATTERN)} end
local balance = tonumber(redis.call('HGET', KEYS[1], 'balance') or '0')
local refund = redis.call('HGET', KEYS[2], ARGV[1])
if not refund then
  redis.call('HSET', KEYS[2], ARGV[1], string.format('0|%.0f|REVERSED|', balance))
  refund = '0|0|NONE|'
end
local amount, _b, _s, refundSeq = string.match(refund, '^(%d+)|(%d+)|(%u[%u_]*)|(%d*)')
amount = tonumber(amount)
local record
if amount == 0 then
  record = string.format('0|%.0f|NONE||0', balance)
else
  local usable = balance
  if ARGV[8] == 'shared' then
    local floor = tonumber(ARGV[9])
    if ARGV[10] == 'gate' then
      if balance <= floor then usable = 0 end
    else
      usable = math.max(0, balance - floor)
    end
  end
  local take = math.min(amount, usable)
  local seq = ''
  if take > 0 then
    balance = redis.call('HINCRBY', KEYS[1], 'balance', -take)
    local last = tonumber(redis.call('HGET', KEYS[1], 'ledScore') or '0')
    seq = string.format('%.0f', math.max(last + 1, tonumber(ARGV[3]) * 1000))
    redis.call('HSET', KEYS[1], 'ledScore', seq)
    local tail = string.format(',"amount":%.0f,"balanceAfter":%.0f,"seq":"%s","refundOfSeq":"%s"}', take, balance, seq, refundSeq)
    redis.call('HSET', KEYS[3], seq, ARGV[6] .. tail)
    redis.call('ZADD', KEYS[4], seq, seq)
    redis.call('ZADD', KEYS[5], seq, seq)
    redis.call('HINCRBY', KEYS[6], ARGV[4], take)
    redis.call('HINCRBY', KEYS[6], ARGV[4] .. '|' .. ARGV[5], take)
    redis.call('HINCRBY', KEYS[2], 'net:' .. ARGV[11], take)
    if ARGV[7] ~= '' then
      redis.call('XADD', KEYS[7], 'MAXLEN', '~', '1000', '*', 'e', ARGV[7] .. string.format(',"amount":%.0f}', take))
    end
  end
  if refundSeq ~= '' then redis.call('HSET', KEYS[8], refundSeq, '{"takenBack":true,"takeBackSeq":"' .. seq .. '"}') end
  -- The settlement's own entry is no longer cancelled.
  local debit = redis.call('HGET', KEYS[2], ARGV[11])
  local debitSeq = debit and string.match(debit, '^%d+|%d+|%u[%u_]*|?(%d*)') or ''
  if debitSeq ~= '' then redis.call('HDEL', KEYS[8], debitSeq) end
  local status = 'OK'
  if take < amount then status = 'SHORT' end
  record = string.format('%.0f|%.0f|%s|%s|%.0f', take, balance, status, seq, amount)
end
redis.call('HSET', KEYS[2], ARGV[2], record)
return {string.match(record, PATTERN)}
