-- How many of a person's feed events are newer than a time, up to a cap, counted here rather
-- than sent to be counted (the notifications page's badge). Read-only.
-- KEYS: 1 P.person, 2 P.feed
-- ARGV: 1 first feed stream id to count, 2 cap of the count
-- Returns the count, or -1 when there is no such person.
local personKey, feedKey = KEYS[1], KEYS[2]
local firstId, cap = ARGV[1], tonumber(ARGV[2])

if redis.call('EXISTS', personKey) == 0 then
  return -1
end
return #redis.call('XRANGE', feedKey, firstId, '+', 'COUNT', cap)
