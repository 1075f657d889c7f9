-- Line health (issue 4): why and since when a line is out of rounds or on probation.
-- HEALTHY: rounds use it fully. EVICTED: out of rounds until evicted_until. PROBATION: the cool-down
-- is over; rounds give it only a trickle until its probe calls decide (re-admitted or evicted again).
-- A line still EVICTED whose evicted_until has passed is treated as on probation by the rounds.
alter table lines
    add column health_state  text not null default 'HEALTHY'
                             check (health_state in ('HEALTHY', 'EVICTED', 'PROBATION')),
    add column health_reason text,
    add column health_since  timestamptz,
    -- the line's all-time counters (Redis) when its probation began: the probe calls are what came after
    add column probe_base_attempts bigint not null default 0,
    add column probe_base_connects bigint not null default 0,
    add column probe_base_faults   bigint not null default 0;
