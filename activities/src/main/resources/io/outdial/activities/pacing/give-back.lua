-- Returns a reservation that was never used: removes the lease and gives back the CAPS token of
-- each level where the lease was still held (so a repeat gives back nothing twice), and the token
-- counted in the campaign's fair share of the line.
-- KEYS[1..3]: CAPS counters of the reserved second; KEYS[4..7]: lease sets (campaign, node, line,
-- the campaign on the line); KEYS[8]: the line's fair-share hash
-- ARGV[1]: lease id; ARGV[2]: campaign id; ARGV[3]: the reserved epoch second
local returned = 0
for level = 1, 3 do
  if redis.call('ZREM', KEYS[level + 3], ARGV[1]) == 1 then
    if tonumber(redis.call('GET', KEYS[level]) or '0') > 0 then
      redis.call('DECR', KEYS[level])
    end
    returned = returned + 1
  end
end
if redis.call('ZREM', KEYS[7], ARGV[1]) == 1 then
  local entry = redis.call('HGET', KEYS[8], ARGV[2])
  if entry then
    local w, d, seen, sec, used, h, rest = string.match(entry, '^(%d+):(%d+):(%d+):(%d+):(%d+):(%d+)(.*)$')
    if sec == ARGV[3] and tonumber(used) > 0 then
      redis.call('HSET', KEYS[8], ARGV[2], w .. ':' .. d .. ':' .. seen .. ':' .. sec .. ':' .. (tonumber(used) - 1)
          .. ':' .. math.max(0, tonumber(h) - 1) .. rest)
    end
  end
end
return returned
