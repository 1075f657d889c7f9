-- Extends a lease in every lease set where it is still held; never brings back a purged one.
-- KEYS: lease sets; ARGV[1]: lease id; ARGV[2]: new expiry ms. Returns the sets renewed.
local renewed = 0
for k = 1, #KEYS do
  local expiry = redis.call('ZSCORE', KEYS[k], ARGV[1])
  if expiry then
    if tonumber(expiry) < tonumber(ARGV[2]) then
      redis.call('ZADD', KEYS[k], ARGV[2], ARGV[1])
    end
    renewed = renewed + 1
  end
end
return renewed
