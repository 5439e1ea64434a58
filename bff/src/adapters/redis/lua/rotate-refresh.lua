-- Rotates a session's refresh token: a compare-and-set of its hash. The next secret is derived
-- from the presented one, so the same token presented again within the grace (a double submit,
-- a retry after a lost answer) finds its own successor current: 'again'. Any other stale token
-- is a reuse and revokes the session.
-- KEYS: 1 session (HASH)
-- ARGV: 1 presented hash, 2 next hash, 3 ttl s, 4 now ms, 5 grace ms
-- Returns 'ok' | 'again' | 'reused' | 'missing'.
local sessionKey = KEYS[1]
local presented, nextHash, ttlS, nowMs, graceMs = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]

local s = redis.call('HMGET', sessionKey, 'refreshHash', 'prevHash', 'rotatedAt')
if not s[1] then return 'missing' end
if s[1] == presented then
  redis.call('HSET', sessionKey, 'refreshHash', nextHash, 'prevHash', presented, 'rotatedAt', nowMs)
  redis.call('EXPIRE', sessionKey, tonumber(ttlS))
  return 'ok'
end
if s[2] == presented and s[1] == nextHash and tonumber(nowMs) - tonumber(s[3]) <= tonumber(graceMs) then return 'again' end
redis.call('DEL', sessionKey)
return 'reused'
