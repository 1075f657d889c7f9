-- Extends a lease at every level where it is still held; never brings back a purged one.
-- KEYS[1..3]: lease sets; ARGV[1]: lease id; ARGV[2]: new expiry ms. Returns the levels renewed.
local renewed = 0
for level = 1, 3 do
  local expiry = redis.call('ZSCORE', KEYS[level], ARGV[1])
  if expiry then
    if tonumber(expiry) < tonumber(ARGV[2]) then
      redis.call('ZADD', KEYS[level], ARGV[2], ARGV[1])
    end
    renewed = renewed + 1
  end
end
return renewed
