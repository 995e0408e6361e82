-- The audit kept and handed over (等保 2.0 level 3). Entries older than the retention period move
-- into archive files; the live chain then starts after the boundary, the last archived entry, whose
-- hash the first live entry links to. One row, locked by the archiving task, so that two nodes never
-- archive the same entries twice (appends lock audit_head and are not held up by it).
create table audit_boundary (
    id        int         primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_boundary (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Each archiving: which entries went into which file, and the file's digest
create table audit_archive (
    last_seq    bigint       primary key,
    first_seq   bigint       not null,
    last_hash   varchar(64)  not null,
    file_name   varchar(200) not null,
    algorithm   varchar(16)  not null,
    digest      varchar(64)  not null,
    archived_at timestamp with time zone not null
);

-- periods of the log are exported and archived by time
create index audit_entry_recorded_at on audit_entry (recorded_at);
