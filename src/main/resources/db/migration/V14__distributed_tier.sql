-- The distributed tier's own tables (profile "distributed"); created on every tier so that one
-- database can move from one tier to the other, unused on the embedded one.

-- Hibernate Search outbox-polling coordination (8.2): each change to an indexed entity is written
-- here in the same transaction; the nodes' event processors share the rows out and index them.
create table hsearch_agent (
    id                   uuid         not null primary key,
    name                 varchar(255) not null,
    type                 varchar(255) not null check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    state                varchar(255) not null check (state in ('RUNNING', 'WAITING', 'SUSPENDED')),
    expiration           timestamp(6) with time zone not null,
    assigned_shard_index integer,
    total_shard_count    integer,
    tenant_id            varchar(255),
    payload              bytea
);

create table hsearch_outbox_event (
    id             uuid         not null primary key,
    entity_name    varchar(256) not null,
    entity_id      varchar(256) not null,
    entity_id_hash integer      not null,
    payload        bytea        not null,
    retries        integer      not null,
    process_after  timestamp(6) with time zone not null,
    status         varchar(255) not null check (status in ('PENDING', 'ABORTED')),
    tenant_id      varchar(255)
);
create index hsearch_outbox_event_process_after on hsearch_outbox_event (process_after);

-- Spring Session JDBC (4.0): a signed-in person's session, readable by every node
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

-- The analysis backlog gauge (yuqing.analysis.backlog) reads the last day's items on every scrape
create index item_discovered on opinion_item (discovered_at);
