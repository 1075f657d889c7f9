-- Returns a reservation that was never used: removes the lease and gives back the CAPS token of
-- each level where the lease was still held (so a repeat gives back nothing twice).
-- KEYS[1..3]: CAPS counters of the reserved second; KEYS[4..6]: lease sets; ARGV[1]: lease id
local returned = 0
for level = 1, 3 do
  if redis.call('ZREM', KEYS[level + 3], ARGV[1]) == 1 then
    if tonumber(redis.call('GET', KEYS[level]) or '0') > 0 then
      redis.call('DECR', KEYS[level])
    end
    returned = returned + 1
  end
end
return returned
