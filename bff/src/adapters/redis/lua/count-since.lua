-- Counts one person's BFF notices newer than a time, up to a cap, inside Redis: XRANGE's
-- entries never travel to the BFF just to be counted.
-- KEYS: 1 inbox (STREAM)
-- ARGV: 1 since ms (entries after it count), 2 cap
-- Returns the count.
local inboxKey = KEYS[1]
local sinceMs, cap = ARGV[1], ARGV[2]

return #redis.call('XRANGE', inboxKey, string.format('%.0f', tonumber(sinceMs) + 1), '+', 'COUNT', cap)
