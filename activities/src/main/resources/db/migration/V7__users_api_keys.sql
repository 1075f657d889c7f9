-- People (users, who log in with a password) and systems (API keys). tenant_id null: a platform
-- administrator, who sees every tenant; only the ADMIN role may have no tenant.

create table users (
    id             bigint generated always as identity primary key,
    username       text        not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    password_hash  text        not null check (password_hash like '$2%'),
    role           text        not null check (role in ('ADMIN', 'MANAGER', 'VIEWER', 'SUPPORT')),
    tenant_id      bigint      references tenants (id),
    enabled        boolean     not null default true,
    created_at     timestamptz not null default now(),
    constraint users_platform_admin check (tenant_id is not null or role = 'ADMIN')
);

-- The key itself is never stored: prefix (to find the row) and the SHA-256 of the whole key, in hex.
create table api_keys (
    id            bigint generated always as identity primary key,
    prefix        text        not null unique check (prefix ~ '^[a-z0-9]{8}$'),
    key_hash      text        not null check (key_hash ~ '^[0-9a-f]{64}$'),
    name          text        not null check (length(name) between 1 and 100),
    role          text        not null check (role in ('ADMIN', 'MANAGER', 'VIEWER', 'SUPPORT')),
    tenant_id     bigint      references tenants (id),
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    constraint api_keys_platform_admin check (tenant_id is not null or role = 'ADMIN')
);

create index users_tenant on users (tenant_id);
create index api_keys_tenant on api_keys (tenant_id);
