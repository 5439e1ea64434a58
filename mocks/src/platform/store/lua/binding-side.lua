-- The beneficiary's side of one binding, for its authorizer's list, in one round trip on the
-- BENEFICIARY's slot (issue 14): the binding record and the beneficiary's insurance. Read-only.
-- KEYS: 1 B.bind, 2 B.person
-- ARGV: 1 bindingId
-- Returns {record JSON or '', insurance or '' ('' too when the person record is incomplete)}
local record = redis.call('HGET', KEYS[1], ARGV[1]) or ''
local p = redis.call('HMGET', KEYS[2], 'psnNo', 'idNumber', 'insurance')
local insurance = ''
if p[1] and p[1] ~= '' and p[2] and p[2] ~= '' then insurance = p[3] or '' end
return {record, insurance}
