-- The decision of one binding id, on the BENEFICIARY's slot: either it was committed (a binding
-- record exists) or, with 'void', it is withdrawn for good so that no later commit can make it.
-- One atomic step, so that an acceptance and a cancellation racing on the same id have one winner.
-- KEYS: 1 B.bind, 2 B.void
-- ARGV: 1 bindingId, 2 'read'|'void', 3 reason, 4 nowMs, 5 refusal code ('' for none)
-- Returns {'binding', recordJSON} | {'void', reason, code} | {'open'}.
local record = redis.call('HGET', KEYS[1], ARGV[1])
if record then return {'binding', record} end
local voided = redis.call('HGET', KEYS[2], ARGV[1])
if voided then
  local v = cjson.decode(voided)
  return {'void', v.reason, v.code}
end
if ARGV[2] ~= 'void' then return {'open'} end
redis.call('HSET', KEYS[2], ARGV[1], cjson.encode({ reason = ARGV[3], code = ARGV[5], at = ARGV[4] }))
return {'void', ARGV[3], ARGV[5]}
