-- Everything a person's home page needs from the person's own slot, in one round trip (issue 14):
-- the person, the bindings in which they are the beneficiary, both sides of the binding graph,
-- and how many feed events are newer than a time, counted here rather than sent to be counted.
-- Read-only.
-- KEYS: 1 P.person, 2 P.bind, 3 P.in, 4 P.out, 5 P.feed
-- ARGV: 1 first feed stream id to count ('' to count nothing), 2 cap of the count
-- Returns {person HGETALL, bind HVALS, in HGETALL, out HGETALL, feed count (-1 when not asked)}
local count = -1
if ARGV[1] ~= '' then
  count = #redis.call('XRANGE', KEYS[5], ARGV[1], '+', 'COUNT', tonumber(ARGV[2]))
end
return {
  redis.call('HGETALL', KEYS[1]),
  redis.call('HVALS', KEYS[2]),
  redis.call('HGETALL', KEYS[3]),
  redis.call('HGETALL', KEYS[4]),
  count,
}
