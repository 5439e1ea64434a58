-- Premium, step 1, on the RELATIVE's slot: claim the year so that two payers can never both
-- pay it (R15, R17).
-- KEYS: 1 B.premium
-- ARGV: 1 year, 2 paymentId, 3 nowMs, 4 staleMs, 5 pending JSON
-- Returns {'OK', pending JSON in force} | {'DONE', paid JSON} | {code}.
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then
  local c = cjson.decode(current)
  if c.status == 'paid' then
    if c.paymentId == ARGV[2] then return {'DONE', current} end
    return {'PREMIUM_ALREADY_PAID'}
  end
  if c.paymentId == ARGV[2] then return {'OK', current} end -- a retry: keep the first claim and its time
  if tonumber(ARGV[3]) - tonumber(c.at) < tonumber(ARGV[4]) then return {'REQUEST_IN_PROGRESS'} end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[5])
return {'OK', ARGV[5]}
