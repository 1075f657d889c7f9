-- Public API (issue 5): phone numbers written without a country code are read in the tenant's default
-- region (ISO 3166-1 alpha-2), and callers identify their tasks by an external id of their own.
alter table tenants
    add column default_region text not null default 'US' check (default_region ~ '^[A-Z]{2}$');

-- external_id: the caller's idempotency key for a task, unique within a campaign. A task uploaded again
-- with the same external id is reported as existing, never added twice. external_ref stays a free label.
alter table call_tasks
    add column external_id text check (external_id ~ '^[\x21-\x7E]{1,100}$');
create unique index call_tasks_campaign_external_id on call_tasks (campaign_id, external_id)
    where external_id is not null;
-- duplicate numbers within a campaign are found, and calls searched by number, through this index
create index call_tasks_campaign_phone on call_tasks (campaign_id, phone_number);
