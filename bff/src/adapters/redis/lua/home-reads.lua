-- What the home page reads of one person's BFF data, in one round trip on the person's slot,
-- before the platform call that needs the read mark: the mark, how many of the BFF's own
-- notices are newer (counted here: XRANGE's entries never leave Redis), and the newest received
-- invitations' ids (their records live on their own slots).
-- KEYS: 1 inbox read mark (STRING ms), 2 inbox (STREAM), 3 received invitations (ZSET by createdAt)
-- ARGV: 1 unread cap (the badge shows "99+"), 2 how many received invitations
-- Returns {read mark ('0' when none), own unread count, invitationId...}, newest invitation first.
local readMarkKey = KEYS[1]
local inboxKey = KEYS[2]
local receivedKey = KEYS[3]
local cap, receivedLimit = ARGV[1], tonumber(ARGV[2])

local mark = redis.call('GET', readMarkKey) or '0'
local newer = redis.call('XRANGE', inboxKey, string.format('%.0f', tonumber(mark) + 1), '+', 'COUNT', cap)
local reply = {mark, #newer}
for _, id in ipairs(redis.call('ZREVRANGE', receivedKey, 0, receivedLimit - 1)) do reply[#reply + 1] = id end
return reply
