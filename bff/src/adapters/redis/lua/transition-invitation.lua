-- Moves an invitation from one of the states `from` to `to`, atomically. R19: a pending one
-- past its expiry, about to be held for an acceptance, becomes 'expired' instead. Moving to the
-- state it is in already, with the same binding, is a retry: 'same', nothing written.
-- The record's numbers are strings inside it (cjson would round big numbers).
-- KEYS: 1 invitation (STRING, JSON)
-- ARGV: 1 to, 2 now ms, 3 bindingId ('' for none), 4 from (comma list), 5 closedReason ('' for none)
-- Returns {outcome, record JSON}; outcome 'ok' | 'same' | 'not-pending' | 'expired' | 'missing' (record '').
local invitationKey = KEYS[1]
local to, nowMs, bindingId, from, closedReason = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]

local json = redis.call('GET', invitationKey)
if not json then return {'missing', ''} end
local inv = cjson.decode(json)
local now = tonumber(nowMs)
if inv.status == to and (bindingId == '' or inv.bindingId == bindingId) then return {'same', json} end
local allowed = false
for state in string.gmatch(from, '[^,]+') do if state == inv.status then allowed = true end end
if not allowed then return {'not-pending', json} end
if inv.status == 'pending' and to == 'accepting' and now >= tonumber(inv.expiresAt) then
  inv.status = 'expired'
  inv.decidedAt = inv.expiresAt
  local expired = cjson.encode(inv)
  redis.call('SET', invitationKey, expired, 'KEEPTTL')
  return {'expired', expired}
end
inv.status = to
if to == 'pending' then inv.decidedAt = '' else inv.decidedAt = nowMs end
if bindingId ~= '' then inv.bindingId = bindingId end
if closedReason ~= '' then inv.closedReason = closedReason end
local updated = cjson.encode(inv)
redis.call('SET', invitationKey, updated, 'KEEPTTL')
return {'ok', updated}
