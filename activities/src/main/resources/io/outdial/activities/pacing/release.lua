-- Removes a lease from every lease set given. KEYS: lease sets; ARGV[1]: lease id. Returns sets removed from.
local removed = 0
for k = 1, #KEYS do
  removed = removed + redis.call('ZREM', KEYS[k], ARGV[1])
end
return removed
