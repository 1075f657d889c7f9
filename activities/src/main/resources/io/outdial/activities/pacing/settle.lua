-- A campaign's round is over: on each line given (lines that did not deny it), its demand for the
-- rest of the second, and until its next round, is what it got there (0 if it did not use the line).
-- KEYS: the lines' fair-share hashes; ARGV[1]: campaign id; ARGV[2]: the round's epoch second
for k = 1, #KEYS do
  local entry = redis.call('HGET', KEYS[k], ARGV[1])
  if entry then
    -- rest: the CAPS credit and its second, kept as they are
    local w, d, seen, sec, used, h, rest = string.match(entry, '^(%d+):(%d+):(%d+):(%d+):(%d+):(%d+)(.*)$')
    if sec ~= ARGV[2] then
      -- a new second on this line: roll the CAPS credit of the old one into the carry (see reserve.lua)
      local carry, share = string.match(rest, '^:([^:]+):([^:]+)$')
      if carry then
        local debt = tonumber(share) >= 1 and 0 or -1
        rest = ':' .. math.max(debt, math.min(1, tonumber(carry) + tonumber(share) - tonumber(used))) .. ':0'
      end
      used = '0'
    end
    redis.call('HSET', KEYS[k], ARGV[1], w .. ':' .. used .. ':' .. seen .. ':' .. ARGV[2] .. ':' .. used .. ':' .. h .. rest)
  end
end
return #KEYS
