-- Activate a person's e-credential (R1), by the person or by a parent as guardian (R18).
-- KEYS: 1 X.person
-- ARGV: 1 openid ('' for guardian mode), 2 mode 'self'|'guardian', 3 guardianId, 4 nowMs
if redis.call('EXISTS', KEYS[1]) == 0 then return {'PERSON_NOT_FOUND'} end
local p = redis.call('HMGET', KEYS[1], 'ec', 'ecOpenid', 'ecGuardian')
if p[1] == '1' then
  if ARGV[2] == 'self' and p[2] == ARGV[1] then return {'OK', 'already'} end
  if ARGV[2] == 'guardian' and p[3] == ARGV[3] then return {'OK', 'already'} end
  return {'ECREDENTIAL_ALREADY_ACTIVE'}
end
redis.call('HSET', KEYS[1], 'ec', '1', 'ecAt', ARGV[4], 'ecMode', ARGV[2], 'ecOpenid', ARGV[1], 'ecGuardian', ARGV[3])
redis.call('HINCRBY', KEYS[1], 'ver', 1)
return {'OK', 'activated'}
