-- 4.5: a re-assessment that falls due is reminded once, on any number of nodes: the reminder is
-- inserted under this key first, and a second node's insert fails.
create table reassessment_reminder (
    event_id bigint not null references opinion_event (id),
    due_at   timestamp with time zone not null,
    sent_at  timestamp with time zone not null,
    primary key (event_id, due_at)
);
