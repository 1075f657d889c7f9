-- Business re-attempts (issue 4): a callee outcome of NO_ANSWER or BUSY queues the task again, after a
-- delay, until the campaign's max_attempts call workflows have run for it. max_attempts 1: never again.
alter table campaigns
    add column max_attempts            integer not null default 1 check (max_attempts between 1 and 10),
    add column reattempt_delay_seconds integer not null default 300
                                       check (reattempt_delay_seconds between 1 and 86400);

-- not_before: a QUEUED task is not dialed before it (null: due now).
-- business_attempts: the call workflows started for the task (the first is call-<c>-<t>, the n-th
-- call-<c>-<t>-<n>); attempts keeps counting dial attempts, failovers included.
alter table call_tasks
    add column not_before        timestamptz,
    add column business_attempts integer not null default 0 check (business_attempts >= 0);

-- every task dialed before this migration had exactly one call workflow
update call_tasks set business_attempts = 1 where attempts > 0;
