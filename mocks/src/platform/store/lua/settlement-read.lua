-- What a settlement needs from the CARD HOLDER's slot before it begins, in one round trip (issue
-- 14), sent together with the claim of its id and its pending-operation entry: the card
-- holder's facts, the journal's state and the authorizers in their order. Read-only: nothing
-- here acts before the claim is confirmed.
-- KEYS: 1 B.person, 2 B.stl:<id>, 3 B.in
-- Returns {person HMGET (psnNo, idNumber, name, insurance, status, balance, choice),
--          journal HMGET (status, fp, plan, result, at), in HGETALL}
return {
  redis.call('HMGET', KEYS[1], 'psnNo', 'idNumber', 'name', 'insurance', 'status', 'balance', 'choice'),
  redis.call('HMGET', KEYS[2], 'status', 'fp', 'plan', 'result', 'at'),
  redis.call('HGETALL', KEYS[3]),
}
