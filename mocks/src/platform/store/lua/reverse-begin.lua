-- A reversal's first step (R24) on the CARD HOLDER's slot: the tombstone. From this moment the
-- settlement (or cancellation) can neither begin, nor resume, nor finish — settlement-begin,
-- settlement-finish, cancel-begin and cancel-finish all read this status — and the steps that
-- follow undo, account by account, whatever applied before it (refund.lua / take-back.lua,
-- which also tombstone the accounts not yet touched).
-- KEYS: 1 B.stl:<S>, 2 B.cnl:<C> (for a settlement: B.stl:<S> again)
-- ARGV: 1 kind 'settlement'|'cancellation', 2 institution code, 3 nowMs, 4 the answer when it never began (JSON)
-- Returns {'NEVER_BEGUN', answer} | {'DONE', answer} | {'REVERSE', plan, previous status, settlement result, settlement at} | {code}.
local journal = KEYS[1]
if ARGV[1] == 'cancellation' then journal = KEYS[2] end
local j = redis.call('HMGET', journal, 'status', 'inst', 'revResult', 'prev')
if not j[1] then
  redis.call('HSET', journal, 'status', 'reversed', 'prev', 'none', 'revAt', ARGV[3], 'revResult', ARGV[4])
  return {'NEVER_BEGUN', ARGV[4]}
end
if j[1] == 'reversed' then return {'DONE', j[3]} end
if j[2] and j[2] ~= ARGV[2] then return {'INSTITUTION_MISMATCH'} end
if ARGV[1] == 'settlement' and redis.call('HEXISTS', KEYS[1], 'cnl') == 1 then return {'SETTLEMENT_ALREADY_CANCELLED'} end
local prev = j[4]
if j[1] ~= 'reversing' then
  prev = j[1]
  redis.call('HSET', journal, 'status', 'reversing', 'prev', prev, 'revAt', ARGV[3])
end
local s = redis.call('HMGET', KEYS[1], 'plan', 'result', 'at')
return {'REVERSE', s[1] or '', prev, s[2] or '', s[3] or ''}
