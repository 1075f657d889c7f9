-- Removes a lease at every level. KEYS[1..3]: lease sets; ARGV[1]: lease id. Returns levels removed.
local removed = 0
for level = 1, 3 do
  removed = removed + redis.call('ZREM', KEYS[level], ARGV[1])
end
return removed
