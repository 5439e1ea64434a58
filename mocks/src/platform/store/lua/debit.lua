-- One debit of one account for one operation, applied once (R17). The reserve (R13) and the
-- binding (R10) are checked here, in the account's own slot, at the moment money moves, so
-- that concurrent payments can never take the balance below what the policy allows.
-- KEYS: 1 X.person, 2 X.applied, 3 X.out, 4 X.led, 5 X.led:all, 6 X.led:by:<B>, 7 X.led:monthly, 8 X.feed
-- ARGV: 1 opId, 2 want (fen), 3 mode 'own'|'shared', 4 beneficiaryId, 5 reserve floor (fen),
--       6 reserve mode 'floor'|'gate', 7 nowMs, 8 month YYYY-MM, 9 entry JSON without its
--       closing brace, 10 all-or-nothing '1'|'0', 11 event JSON without its closing brace ('' for none)
-- Returns {take, balanceAfter, status}; status 'OK' | 'SHORT' | 'NOT_BOUND' | 'ACCOUNT_ABNORMAL',
-- or 'REVERSED' (take 0) when a reversal (R24) tombstoned this operation on this account first.
-- The record kept in X.applied is "take|balanceAfter|status|ledgerSeq" (seq empty when nothing moved);
-- refund.lua reads it to give back exactly what this debit took.
local applied = redis.call('HGET', KEYS[2], ARGV[1])
if applied then
  local take, balance, status = string.match(applied, '^(%d+)|(%d+)|(%u[%u_]*)')
  return {take, balance, status}
end
local p = redis.call('HMGET', KEYS[1], 'balance', 'status', 'insurance')
local balance = tonumber(p[1]) or 0
local status = 'OK'
local usable = 0
if p[2] ~= 'active' or p[3] ~= 'employee' then
  status = 'ACCOUNT_ABNORMAL'
elseif ARGV[3] == 'own' then
  usable = balance
else
  local link = redis.call('HGET', KEYS[3], ARGV[4])
  if not link or cjson.decode(link).state ~= 'active' then
    status = 'NOT_BOUND'
  else
    local floor = tonumber(ARGV[5])
    if ARGV[6] == 'gate' then
      if balance > floor then usable = balance end
    else
      usable = math.max(0, balance - floor)
    end
  end
end
local want = tonumber(ARGV[2])
local take = math.min(want, usable)
local seq = ''
if ARGV[10] == '1' and take < want then take = 0 end
if status == 'OK' and take < want then status = 'SHORT' end
if take > 0 then
  balance = redis.call('HINCRBY', KEYS[1], 'balance', -take)
  local last = tonumber(redis.call('HGET', KEYS[1], 'ledScore') or '0')
  local score = string.format('%.0f', math.max(last + 1, tonumber(ARGV[7]) * 1000))
  redis.call('HSET', KEYS[1], 'ledScore', score)
  seq = score
  local tail = string.format(',"amount":%.0f,"balanceAfter":%.0f,"seq":"%s"}', take, balance, score)
  redis.call('HSET', KEYS[4], score, ARGV[9] .. tail)
  redis.call('ZADD', KEYS[5], score, score)
  redis.call('ZADD', KEYS[6], score, score)
  redis.call('HINCRBY', KEYS[7], ARGV[8], take)
  redis.call('HINCRBY', KEYS[7], ARGV[8] .. '|' .. ARGV[4], take)
  if ARGV[11] ~= '' then
    redis.call('XADD', KEYS[8], 'MAXLEN', '~', '1000', '*', 'e', ARGV[11] .. string.format(',"amount":%.0f}', take))
  end
end
local record = string.format('%.0f|%.0f|%s|%s', take, balance, status, seq)
redis.call('HSET', KEYS[2], ARGV[1], record)
return {string.format('%.0f', take), string.format('%.0f', balance), status}
