-- Consumes a face-verification ticket (R6): it exists, and was issued for this purpose and
-- target; then it is gone, so exactly one caller may act on it.
-- KEYS: 1 ticket (HASH purpose, target)
-- ARGV: 1 purpose, 2 target
-- Returns 1 when consumed, 0 otherwise.
local ticketKey = KEYS[1]
local purpose, target = ARGV[1], ARGV[2]

local t = redis.call('HMGET', ticketKey, 'purpose', 'target')
if not t[1] or t[1] ~= purpose or t[2] ~= target then return 0 end
redis.call('DEL', ticketKey)
return 1
