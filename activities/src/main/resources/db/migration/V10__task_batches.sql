-- SDK task batches (issue 5): the campaign workflow's addTasks update stores each batch once, under a key
-- derived from the update id, so a retried AddTasks activity never adds a batch twice, even one whose
-- tasks have no external id. A retry finds its batch here and answers as the first attempt did.
create table task_batches (
    campaign_id      bigint      not null references campaigns (id),
    batch_key        text        not null check (length(batch_key) between 1 and 300),
    task_ids         bigint[]    not null,
    existing         integer     not null,
    rejected_index   integer[]   not null,
    rejected_reason  text[]      not null,
    created_at       timestamptz not null default now(),
    primary key (campaign_id, batch_key)
);
