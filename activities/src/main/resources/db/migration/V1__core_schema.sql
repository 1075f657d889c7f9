-- The system of record. Redis holds live pacing state and queues and can be rebuilt from here.

create table tenants (
    id          bigint generated always as identity primary key,
    name        text        not null unique,
    created_at  timestamptz not null default now()
);

-- A pool groups FS nodes and lines. tenant_id null: shared by every tenant.
create table pools (
    id          bigint generated always as identity primary key,
    name        text        not null unique,
    tenant_id   bigint      references tenants (id),
    created_at  timestamptz not null default now()
);

create table fs_nodes (
    id            text        primary key check (id ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    pool_id       bigint      not null references pools (id),
    esl_host      text        not null,
    esl_port      integer     not null check (esl_port between 1 and 65535),
    esl_password  text        not null,
    max_sessions  integer     not null check (max_sessions > 0),
    caps          integer     not null check (caps > 0),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);

-- A carrier trunk reached through a named sofia gateway on the FS nodes of its pool.
create table lines (
    id               text        primary key check (id ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    pool_id          bigint      not null references pools (id),
    gateway          text        not null check (gateway ~ '^[A-Za-z0-9_.-]{1,64}$'),
    caps             integer     not null check (caps > 0),
    max_concurrency  integer     not null check (max_concurrency > 0),
    caller_id        text        check (caller_id ~ '^\+?[0-9]{3,20}$'),
    enabled          boolean     not null default true,
    created_at       timestamptz not null default now()
);

create table campaigns (
    id                    bigint generated always as identity primary key,
    tenant_id             bigint      not null references tenants (id),
    pool_id               bigint      not null references pools (id),
    name                  text        not null,
    status                text        not null default 'DRAFT'
                          check (status in ('DRAFT', 'RUNNING', 'PAUSED', 'COMPLETED', 'CANCELLED')),
    caps                  integer     not null check (caps > 0),
    max_concurrency       integer     not null check (max_concurrency > 0),
    ring_timeout_seconds  integer     not null default 30 check (ring_timeout_seconds between 5 and 300),
    input_closed          boolean     not null default false,
    workflow_id           text,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);

-- One number to call. version is the optimistic lock taken when a round moves QUEUED to DIALING.
create table call_tasks (
    id            bigint generated always as identity primary key,
    campaign_id   bigint      not null references campaigns (id),
    phone_number  text        not null check (phone_number ~ '^\+?[0-9]{3,20}$'),
    external_ref  text,
    status        text        not null default 'QUEUED'
                  check (status in ('QUEUED', 'DIALING', 'DONE', 'CANCELLED')),
    attempts      integer     not null default 0,
    outcome       text,
    fault_class   text,
    version       bigint      not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index call_tasks_campaign_status on call_tasks (campaign_id, status);

-- One dial attempt of a task, recorded by the call workflow (idempotent upsert on task + attempt).
create table call_attempts (
    id                bigint generated always as identity primary key,
    task_id           bigint      not null references call_tasks (id),
    campaign_id       bigint      not null references campaigns (id),
    attempt           integer     not null check (attempt > 0),
    fs_node_id        text        not null,
    line_id           text        not null,
    origination_uuid  uuid        not null unique,
    workflow_id       text        not null,
    sent              boolean     not null,
    job_result        text,
    channel_created   boolean     not null default false,
    progress          boolean     not null default false,
    answered          boolean     not null default false,
    hangup_cause      text,
    sip_status        integer,
    billsec           integer     not null default 0,
    fault_class       text        not null,
    outcome           text        not null,
    started_at        timestamptz,
    answered_at       timestamptz,
    ended_at          timestamptz,
    recorded_at       timestamptz not null default now(),
    unique (task_id, attempt)
);
create index call_attempts_campaign on call_attempts (campaign_id);
