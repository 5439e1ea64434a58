-- Begins a request under an Idempotency-Key (R17 at the BFF). An in-progress record holds a
-- lease: once it has run out (its process died), the next caller takes the record over.
-- KEYS: 1 idempotency record (HASH fp, state, status, body, leaseUntil)
-- ARGV: 1 request fingerprint, 2 ttl s, 3 now ms, 4 lease ms
-- Returns {'new'} | {'resume'} | {'mismatch'} | {'done', status, body JSON} | {'in-progress', lease ms left}.
local recordKey = KEYS[1]
local fingerprint, ttlS, now, leaseMs = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])

local r = redis.call('HMGET', recordKey, 'fp', 'state', 'status', 'body', 'leaseUntil')
local lease = tostring(now + leaseMs)
if not r[1] then
  redis.call('HSET', recordKey, 'fp', fingerprint, 'state', 'in-progress', 'leaseUntil', lease)
  redis.call('EXPIRE', recordKey, tonumber(ttlS))
  return {'new'}
end
if r[1] ~= fingerprint then return {'mismatch'} end
if r[2] == 'done' then return {'done', r[3], r[4]} end
if r[5] and tonumber(r[5]) > now then return {'in-progress', tostring(tonumber(r[5]) - now)} end
redis.call('HSET', recordKey, 'leaseUntil', lease)
return {'resume'}
