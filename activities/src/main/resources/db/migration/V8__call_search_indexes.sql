-- Call search and live stats (issue 5). A search walks a campaign's tasks in id order (keyset pagination),
-- so each filter gets an index that yields its tasks already in id order; a rare outcome or fault class
-- among a million tasks is then found without scanning the rest.
create index call_tasks_campaign_id on call_tasks (campaign_id, id);
create index call_tasks_campaign_status_id on call_tasks (campaign_id, status, id);
create index call_tasks_campaign_outcome_id on call_tasks (campaign_id, outcome, id) where outcome is not null;
create index call_tasks_campaign_fault_id on call_tasks (campaign_id, fault_class, id) where fault_class is not null;
-- a number looked up across all of a tenant's campaigns (V6's index needs the campaign)
create index call_tasks_phone on call_tasks (phone_number);

-- calls in a time range, and the live stats' calls of the last second and minute, by attempt start
create index call_attempts_campaign_started on call_attempts (campaign_id, started_at, task_id);
