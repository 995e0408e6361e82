-- Placement by partition (a county and what lies under it): items wait in a durable queue, each
-- partition is placed by one worker at a time under a lease, and a candidate's figures are kept
-- incrementally. The installation-wide lock row goes.

create table analysis_queue (
    item_id       bigint       primary key references opinion_item (id),
    partition_key varchar(20)  not null,
    urgent        boolean      not null default false,
    enqueued_at   timestamp with time zone not null,
    -- an item whose reading failed waits a growing pause before it is tried again
    failures      int          not null default 0,
    retry_at      timestamp with time zone
);
create index analysis_queue_partition on analysis_queue (partition_key, urgent, item_id);
create index analysis_queue_order on analysis_queue (urgent desc, item_id);

-- the lease says which worker places a partition now; the row lock orders placement against the
-- analysts' merges, moves and splits of the same partition
create table placement_partition (
    partition_key varchar(20) primary key,
    owner         varchar(64),
    lease_until   timestamp with time zone,
    version       bigint      not null default 0
);

alter table event_candidate add column partition_key varchar(20);
alter table event_candidate add column urgent_count int not null default 0;
alter table event_candidate add column signal_count int not null default 0;
-- places, categories, criteria, schemes, channels and units named, counted as items arrive (JSON)
alter table event_candidate add column tallies varchar;

-- items per minute of one candidate: the last hour and the day before it, without reading members
create table candidate_minute (
    candidate_id bigint    not null references event_candidate (id),
    minute_start timestamp with time zone not null,
    items        int       not null,
    negative     int       not null,
    primary key (candidate_id, minute_start)
);

-- items per hour of one monitoring scheme in one partition: the topic's baseline rate for spike detection
create table scheme_hour (
    partition_key varchar(20) not null,
    scheme_id     bigint      not null,
    hour_start    timestamp with time zone not null,
    items         int         not null,
    primary key (partition_key, scheme_id, hour_start)
);

-- the newest open candidate of (partition, scheme, place): same topic and place joins it
create table topic_place (
    partition_key varchar(20)  not null,
    scheme_id     bigint       not null,
    place_code    varchar(20)  not null,
    candidate_id  bigint       not null references event_candidate (id),
    last_seen     timestamp with time zone not null,
    primary key (partition_key, scheme_id, place_code)
);

create index minhash_band_window on minhash_band (band_key, discovered_at);
drop index minhash_band_key;

drop table analysis_lock;

-- items that the event publication registry was still to carry to analysis are queued by the
-- start-up catch-up (AnalysisQueue): the registry no longer carries them
update event_publication set completion_date = current_timestamp, status = 'COMPLETED'
where completion_date is null and listener_id like '%LocalItemFeed%';

-- intake looks up a batch's external ids by the id itself (ItemRepository.findByExternalIds)
create index item_external on opinion_item (external_id);

-- conversations (issue 22): what an item replies to or reposts, as the sender named it, and the
-- stored item that is, once known; a reply joins its parent's candidate whatever its words
alter table opinion_item add column reply_to varchar(2000);
alter table opinion_item add column parent_id bigint references opinion_item (id);
create index item_parent on opinion_item (parent_id);

-- referral per item (issue 22): the clue is the rumour post inside an event that is true as a whole
alter table referral add column item_id bigint references opinion_item (id);

-- 3.1.1 (issue 22): the principal leader and the publicity department were told this event is
-- especially major; one row per event, so they are told once
create table especially_major_notice (
    event_id    bigint primary key references opinion_event (id),
    notified_at timestamp with time zone not null
);
