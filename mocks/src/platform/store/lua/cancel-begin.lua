-- A cancellation's first step (R23), on the CARD HOLDER's slot where the settlement's journal
-- is: every check and the claim of the settlement in one atomic step, so that two
-- cancellations, or a cancellation and a reversal, can never both take hold of one settlement.
-- KEYS: 1 B.stl:<S>, 2 B.cnl:<C>
-- ARGV: 1 cancellation id, 2 settlement id, 3 fingerprint, 4 nowMs, 5 window ms, 6 institution code
-- Returns {'NEW'|'RESUME', plan, settlement result, settlement at, cancellation at} | {'DONE', result} | {code}.
local c = redis.call('HMGET', KEYS[2], 'fp', 'status', 'result', 'at')
if c[2] then
  -- A reversal (R24) that came first left a tombstone here without a fingerprint.
  if c[2] == 'reversing' or c[2] == 'reversed' then return {'OPERATION_REVERSED'} end
  if c[1] ~= ARGV[3] then return {'IDEMPOTENCY_KEY_REUSED'} end
  if c[2] == 'done' then return {'DONE', c[3]} end
  local s = redis.call('HMGET', KEYS[1], 'plan', 'result', 'at')
  return {'RESUME', s[1], s[2], s[3], c[4]}
end
local s = redis.call('HMGET', KEYS[1], 'status', 'inst', 'at', 'cnl', 'plan', 'result')
if not s[1] then return {'SETTLEMENT_NOT_FOUND'} end
if s[1] == 'reversing' or s[1] == 'reversed' then return {'SETTLEMENT_REVERSED'} end
if s[2] ~= ARGV[6] then return {'INSTITUTION_MISMATCH'} end
if s[1] ~= 'done' then return {'REQUEST_IN_PROGRESS'} end
if tonumber(ARGV[4]) - tonumber(s[3]) > tonumber(ARGV[5]) then return {'CANCELLATION_WINDOW_PASSED'} end
if s[4] then return {'SETTLEMENT_ALREADY_CANCELLED'} end
redis.call('HSET', KEYS[2], 'settlementId', ARGV[2], 'fp', ARGV[3], 'status', 'pending', 'at', ARGV[4], 'inst', ARGV[6])
redis.call('HSET', KEYS[1], 'cnl', ARGV[1])
return {'NEW', s[5], s[6], s[3], ARGV[4]}
