-- A settlement's journal on the CARD HOLDER's slot (R17): the first call records the request
-- fingerprint and the funding plan; a retry with the same content resumes or returns the
-- first result; different content under the same id is refused.
-- A reversal (R24) that came first leaves status 'reversing' or 'reversed' here (with no
-- fingerprint when the settlement never began): then nothing may begin or resume.
-- KEYS: 1 B.stl:<id>
-- ARGV: 1 fingerprint, 2 plan JSON, 3 nowMs, 4 institution code
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'reversing' or status == 'reversed' then return {'REVERSED'} end
local fp = redis.call('HGET', KEYS[1], 'fp')
if fp then
  if fp ~= ARGV[1] then return {'IDEMPOTENCY_KEY_REUSED'} end
  if status == 'done' then return {'DONE', redis.call('HGET', KEYS[1], 'result')} end
  return {'RESUME', redis.call('HGET', KEYS[1], 'plan')}
end
redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'plan', ARGV[2], 'status', 'pending', 'at', ARGV[3], 'inst', ARGV[4])
return {'NEW', ARGV[2]}
