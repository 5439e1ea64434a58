-- A settlement's journal on the CARD HOLDER's slot (R17): the first call records the request
-- fingerprint and the funding plan; a retry with the same content resumes or returns the
-- first result; different content under the same id is refused.
-- KEYS: 1 B.stl:<id>
-- ARGV: 1 fingerprint, 2 plan JSON, 3 nowMs
local fp = redis.call('HGET', KEYS[1], 'fp')
if fp then
  if fp ~= ARGV[1] then return {'IDEMPOTENCY_KEY_REUSED'} end
  if redis.call('HGET', KEYS[1], 'status') == 'done' then return {'DONE', redis.call('HGET', KEYS[1], 'result')} end
  return {'RESUME', redis.call('HGET', KEYS[1], 'plan')}
end
redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'plan', ARGV[2], 'status', 'pending', 'at', ARGV[3])
return {'NEW', ARGV[2]}
