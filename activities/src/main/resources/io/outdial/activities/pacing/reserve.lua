-- Reserves one call at three levels (campaign, FS node, line), all or nothing.
-- KEYS[1..3]: CAPS counters of the second (campaign, node, line)
-- KEYS[4..6]: concurrency lease sets (campaign, node, line); member = lease id, score = expiry ms
-- ARGV[1..3]: CAPS limits; ARGV[4..6]: concurrency limits; ARGV[7]: lease id;
-- ARGV[8]: now ms; ARGV[9]: lease expiry ms; ARGV[10]: CAPS counter ttl ms
-- Returns 0 when granted, else the denial: 1/2 campaign caps/concurrency, 3/4 node, 5/6 line.
local now = tonumber(ARGV[8])
for level = 1, 3 do
  redis.call('ZREMRANGEBYSCORE', KEYS[level + 3], '-inf', now)
end
for level = 1, 3 do
  local used = tonumber(redis.call('GET', KEYS[level]) or '0')
  if used >= tonumber(ARGV[level]) then
    return level * 2 - 1
  end
  local held = redis.call('ZSCORE', KEYS[level + 3], ARGV[7])
  if not held and redis.call('ZCARD', KEYS[level + 3]) >= tonumber(ARGV[level + 3]) then
    return level * 2
  end
end
for level = 1, 3 do
  redis.call('INCR', KEYS[level])
  redis.call('PEXPIRE', KEYS[level], ARGV[10])
  redis.call('ZADD', KEYS[level + 3], ARGV[9], ARGV[7])
end
return 0
