-- Reserves one call at three levels (campaign, FS node, line), all or nothing, and keeps the line's
-- capacity fair between the campaigns that compete for it (see the pacing package documentation).
-- KEYS[1..3]: CAPS counters of the second (campaign, node, line)
-- KEYS[4..7]: concurrency lease sets (campaign, node, line, the campaign on the line);
--             member = lease id, score = expiry ms
-- KEYS[8]:    the line's fair-share hash: campaign id ->
--             "weight:demand:seenMs:epochSecond:used:held:carry:share" (carry: CAPS tokens the campaign
--             is owed, or owes, on the line from the seconds before epochSecond; share: its fractional share
--             of the line's CAPS in epochSecond as last computed)
-- ARGV[1..3]: CAPS limits; ARGV[4..6]: concurrency limits; ARGV[7]: lease id; ARGV[8]: now ms;
-- ARGV[9]: lease expiry ms; ARGV[10]: CAPS counter ttl ms; ARGV[11]: campaign id; ARGV[12]: weight (0: as registered);
-- ARGV[13]: demand (calls the campaign wants this second); ARGV[14]: the epoch second;
-- ARGV[15]: active window ms; ARGV[16]: borrow point (epoch ms); ARGV[17]: fair-share hash ttl ms
-- Returns 0 when granted, else the denial: 1/2 campaign caps/concurrency, 3/4 node, 5/6 line,
-- 7 the line's capacity is kept for campaigns below their fair share.
local now = tonumber(ARGV[8])
local id = ARGV[7]
for k = 4, 7 do
  redis.call('ZREMRANGEBYSCORE', KEYS[k], '-inf', now)
end

local held = {}
local function check(level)
  local used = tonumber(redis.call('GET', KEYS[level]) or '0')
  if used >= tonumber(ARGV[level]) then
    return level * 2 - 1
  end
  held[level] = redis.call('ZSCORE', KEYS[level + 3], id)
  if not held[level] and redis.call('ZCARD', KEYS[level + 3]) >= tonumber(ARGV[level + 3]) then
    return level * 2
  end
  return 0
end

local denied = check(1)
if denied ~= 0 then
  return denied
end

-- Fair-share state of the line: every campaign seen in the active window, with its last demand.
local me = ARGV[11]
local weight = tonumber(ARGV[12])
local demand = tonumber(ARGV[13])
local second = tonumber(ARGV[14])
local window = tonumber(ARGV[15])
local fair = KEYS[8]
local others = {}
local myUsed = 0
local myCarry, myLastShare, mySecond, myLastUsed = nil, nil, nil, 0
-- carry and last share (of the entry's second); an entry without them starts afresh
local function creditOf(rest)
  local carry, share = string.match(rest, '^:([^:]+):([^:]+)$')
  return tonumber(carry), tonumber(share)
end
local entries = redis.call('HGETALL', fair)
for i = 1, #entries, 2 do
  local w, d, seen, sec, used, h, rest = string.match(entries[i + 1], '^(%d+):(%d+):(%d+):(%d+):(%d+):(%d+)(.*)$')
  local current = tonumber(sec) == second
  local carry, lastShare = creditOf(rest)
  if entries[i] == me then
    if weight == 0 then
      weight = tonumber(w)
    end
    if current then
      myUsed = tonumber(used)
      demand = math.max(demand, tonumber(d))
    end
    myCarry, myLastShare, mySecond, myLastUsed = carry, lastShare, tonumber(sec), tonumber(used)
  elseif tonumber(seen) + window < now then
    redis.call('HDEL', fair, entries[i])
  else
    -- the other campaign's own lease set on this line: same hash tag, so the same cluster slot
    local theirs = KEYS[6] .. ':campaign:' .. entries[i]
    table.insert(others, { weight = tonumber(w), demand = tonumber(d),
                           used = current and tonumber(used) or 0,
                           held = redis.call('ZCOUNT', theirs, '(' .. now, '+inf'),
                           carry = carry, lastShare = lastShare, second = tonumber(sec), lastUsed = tonumber(used) })
  end
end
-- Water-filling: each campaign's share of the capacity in proportion to its weight, capped by its
-- demand; what a capped campaign leaves goes to the others. all[1] is the caller.
local function shares(capacity, all, demandOf)
  local result = {}
  local open = {}
  for i = 1, #all do
    open[i] = true
    result[i] = 0
  end
  local left = capacity
  while left > 0 do
    local weights = 0
    for i, c in ipairs(all) do
      if open[i] then
        weights = weights + c.weight
      end
    end
    if weights == 0 then
      break
    end
    local capped = false
    for i, c in ipairs(all) do
      if open[i] and demandOf(c) <= left * c.weight / weights then
        result[i] = demandOf(c)
        left = left - demandOf(c)
        open[i] = false
        capped = true
      end
    end
    if not capped then
      for i, c in ipairs(all) do
        if open[i] then
          result[i] = left * c.weight / weights
        end
      end
      break
    end
  end
  return result
end
if weight == 0 then
  weight = 1
end
local myHeld = redis.call('ZCARD', KEYS[7])
local mine = { weight = weight, demand = demand, used = myUsed, held = myHeld,
               carry = myCarry, lastShare = myLastShare, second = mySecond, lastUsed = myLastUsed }
local all = { mine }
for _, c in ipairs(others) do
  table.insert(all, c)
end
local lineCaps = tonumber(ARGV[3])
local capsDemand = function(c) return math.max(c.demand, c.used) end
local capsShare = shares(lineCaps, all, capsDemand)

-- CAPS credit: what a campaign is owed on the line now is its share of this second, less what it used
-- in it, plus what it carries from the seconds before (its share then less what it used, added up, at
-- most 1 token either way: no burst saved up, no long debt for capacity borrowed when nobody wanted
-- it). Shares below one token so add up over seconds instead of rounding to nothing, and a campaign
-- that took a token beyond its small share waits for the others to catch up.
-- Debt is carried only by shares below one token: a share of a token or more gets its whole part
-- every second anyway, and borrowing what the others leave costs it nothing later.
local function debtBound(share)
  if share >= 1 then
    return 0
  end
  return -1
end
local function carryInto(c)
  -- c.carry and c.lastShare are of c.second (nil for an entry without them); a new second rolls them
  local carry = c.carry or 0
  if c.second ~= second then
    carry = math.max(debtBound(c.lastShare or 0), math.min(1, carry + (c.lastShare or 0) - (c.lastUsed or 0)))
  end
  return carry
end
for i, c in ipairs(all) do
  c.carry = carryInto(c)
  c.share = capsShare[i]
  -- never owed more than the share or 1 token, whichever is more, so that what the campaigns are
  -- owed together stays within the line whenever every share is 1 token or more
  c.credit = math.min(c.carry + c.share, math.max(1, c.share)) - c.used
end

local function remember(used, h)
  redis.call('HSET', fair, me, weight .. ':' .. demand .. ':' .. now .. ':' .. second .. ':' .. used .. ':' .. h
      .. ':' .. mine.carry .. ':' .. mine.share)
  redis.call('PEXPIRE', fair, ARGV[17])
end
-- registered even when denied below, so that the others leave it room from now on
remember(myUsed, myHeld)

denied = check(2)
if denied ~= 0 then
  return denied
end
denied = check(3)
if denied ~= 0 then
  return denied
end

local EPS = 1e-9
-- One token per second for every campaign with demand, whatever its weight, when the line has enough
-- tokens for all of them; otherwise shares below 1 are honoured over seconds through the credit.
local demanding = 0
for _, c in ipairs(all) do
  if capsDemand(c) > 0 then
    demanding = demanding + 1
  end
end
local floorFits = demanding <= lineCaps
-- CAPS tokens a campaign may still take this second on its own: the whole part of its credit, or
-- its one token of the second when everybody's fits; never more than it still wants.
local function capsOwed(c)
  local left = capsDemand(c) - c.used
  if left <= 0 then
    return 0
  end
  local owed = math.max(0, math.floor(c.credit + EPS))  -- credit is already net of what it used
  if floorFits and c.used == 0 then
    owed = math.max(owed, 1)
  end
  return math.min(owed, left)
end

-- Concurrency: up to the whole part of its share (at least 1, so none starves) on its own.
local function entitled(share, demand)
  if demand <= 0 then
    return 0
  end
  return math.max(1, math.floor(share + EPS))
end
local function fits(capacity, inUse, share, all, usedOf, demandOf)
  if usedOf(all[1]) < entitled(share[1], demandOf(all[1])) then
    return true
  end
  local owed = 0
  for i = 2, #all do
    owed = owed + math.max(0, entitled(share[i], demandOf(all[i])) - usedOf(all[i]))
  end
  return capacity - inUse - 1 >= owed
end

local lineUsed = tonumber(redis.call('GET', KEYS[3]) or '0')
if now < tonumber(ARGV[16]) and capsOwed(mine) == 0 then
  -- beyond what it is owed, only if what is left still covers what the others are owed
  local owed = 0
  for i = 2, #all do
    owed = owed + capsOwed(all[i])
  end
  if lineCaps - lineUsed - 1 < owed then
    return 7
  end
end
if not held[3] then
  local lineConcurrency = tonumber(ARGV[6])
  local lineHeld = redis.call('ZCARD', KEYS[6])
  local slotDemand = function(c) return c.held + c.demand end
  local slotShare = shares(lineConcurrency, all, slotDemand)
  if not fits(lineConcurrency, lineHeld, slotShare, all, function(c) return c.held end, slotDemand) then
    return 7
  end
end

for level = 1, 3 do
  redis.call('INCR', KEYS[level])
  redis.call('PEXPIRE', KEYS[level], ARGV[10])
end
for k = 4, 7 do
  redis.call('ZADD', KEYS[k], ARGV[9], id)
end
remember(myUsed + 1, redis.call('ZCARD', KEYS[7]))
return 0
