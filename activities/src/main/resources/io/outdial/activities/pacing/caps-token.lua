-- Takes one CAPS token of a second at three levels (campaign, FS node, line), all or nothing.
-- KEYS[1..3]: CAPS counters of the second; ARGV[1..3]: CAPS limits; ARGV[4]: counter ttl ms
-- Returns 0 when granted, else 1 (campaign), 3 (node) or 5 (line).
for level = 1, 3 do
  local used = tonumber(redis.call('GET', KEYS[level]) or '0')
  if used >= tonumber(ARGV[level]) then
    return level * 2 - 1
  end
end
for level = 1, 3 do
  redis.call('INCR', KEYS[level])
  redis.call('PEXPIRE', KEYS[level], ARGV[4])
end
return 0
