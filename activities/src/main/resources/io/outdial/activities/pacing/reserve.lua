-- Reserves one call at three levels (campaign, FS node, line), all or nothing, and keeps the line's
-- capacity fair between the campaigns that compete for it (see the pacing package documentation).
-- KEYS[1..3]: CAPS counters of the second (campaign, node, line)
-- KEYS[4..7]: concurrency lease sets (campaign, node, line, the campaign on the line);
--             member = lease id, score = expiry ms
-- KEYS[8]:    the line's fair-share hash: campaign id -> "weight:demand:seenMs:epochSecond:used:held"
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
local entries = redis.call('HGETALL', fair)
for i = 1, #entries, 2 do
  local w, d, seen, sec, used, h = string.match(entries[i + 1], '^(%d+):(%d+):(%d+):(%d+):(%d+):(%d+)$')
  local current = tonumber(sec) == second
  if entries[i] == me then
    if weight == 0 then
      weight = tonumber(w)
    end
    if current then
      myUsed = tonumber(used)
      demand = math.max(demand, tonumber(d))
    end
  elseif tonumber(seen) + window < now then
    redis.call('HDEL', fair, entries[i])
  else
    -- the other campaign's own lease set on this line: same hash tag, so the same cluster slot
    local theirs = KEYS[6] .. ':campaign:' .. entries[i]
    table.insert(others, { weight = tonumber(w), demand = tonumber(d),
                           used = current and tonumber(used) or 0,
                           held = redis.call('ZCOUNT', theirs, '(' .. now, '+inf') })
  end
end
if weight == 0 then
  weight = 1
end
local myHeld = redis.call('ZCARD', KEYS[7])
local function remember(used, h)
  redis.call('HSET', fair, me, weight .. ':' .. demand .. ':' .. now .. ':' .. second .. ':' .. used .. ':' .. h)
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

-- A campaign may take up to the whole part of its share (at least 1, so none starves) on its own;
-- beyond that, only if what is left still covers what the others below their share may take.
local EPS = 1e-9
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

local mine = { weight = weight, demand = demand, used = myUsed, held = myHeld }
local all = { mine }
for _, c in ipairs(others) do
  table.insert(all, c)
end
local lineCaps = tonumber(ARGV[3])
local lineUsed = tonumber(redis.call('GET', KEYS[3]) or '0')
if now < tonumber(ARGV[16]) then
  local capsDemand = function(c) return math.max(c.demand, c.used) end
  local capsShare = shares(lineCaps, all, capsDemand)
  if not fits(lineCaps, lineUsed, capsShare, all, function(c) return c.used end, capsDemand) then
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
