-- Resource pools, fair share and line selection (issue 3).

-- How a campaign shares saturated lines (weight) and picks a line and FS node per call (strategy).
alter table campaigns
    add column weight   integer not null default 1 check (weight between 1 and 1000),
    add column strategy text    not null default 'ROUND_ROBIN'
                        check (strategy in ('RANDOM', 'ROUND_ROBIN', 'BEST_CONNECT_RATE'));

-- Which FS nodes carry a line's gateway. A line with no row here is reachable on every FS node of its pool.
create table line_fs_nodes (
    line_id     text not null references lines (id) on delete cascade,
    fs_node_id  text not null references fs_nodes (id) on delete cascade,
    primary key (line_id, fs_node_id)
);

-- Health eviction: a resource evicted until a time in the future is never chosen until then.
alter table lines    add column evicted_until timestamptz;
alter table fs_nodes add column evicted_until timestamptz;

-- A campaign runs on a shared pool or on a pool dedicated to its own tenant, never on another
-- tenant's dedicated pool; enforced here as well as in the API, so no code path can get it wrong.
create function campaign_pool_belongs_to_tenant() returns trigger language plpgsql as $$
begin
    if exists (select 1 from pools p
               where p.id = new.pool_id and p.tenant_id is not null and p.tenant_id <> new.tenant_id) then
        raise exception 'pool % is dedicated to another tenant', new.pool_id
            using errcode = 'check_violation', constraint = 'campaign_pool_tenant';
    end if;
    return new;
end $$;

create trigger campaign_pool_tenant
    before insert or update of pool_id, tenant_id on campaigns
    for each row execute function campaign_pool_belongs_to_tenant();

-- A pool cannot be handed to a tenant while another tenant's campaigns use it.
create function pool_tenant_matches_campaigns() returns trigger language plpgsql as $$
begin
    if new.tenant_id is not null and exists (select 1 from campaigns c
               where c.pool_id = new.id and c.tenant_id <> new.tenant_id
                 and c.status not in ('COMPLETED', 'CANCELLED')) then
        raise exception 'pool % is used by another tenant''s campaigns', new.id
            using errcode = 'check_violation', constraint = 'pool_tenant_campaigns';
    end if;
    return new;
end $$;

create trigger pool_tenant_campaigns
    before update of tenant_id on pools
    for each row execute function pool_tenant_matches_campaigns();
