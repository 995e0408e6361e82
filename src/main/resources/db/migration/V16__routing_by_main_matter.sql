-- Clause 3 routing by the main matter: words that describe the circumstances rather than the
-- matter (the government office edits the list), the matter the analyst confirms at verification,
-- and work orders that are withdrawn when a person re-routes, or held by a superior or the
-- government office for a unit that has nobody to receive them.

create table context_word (
    word     varchar(20)  primary key,
    note     varchar(200),
    added_by varchar(100) not null,
    added_at timestamp with time zone not null
);
insert into context_word (word, note, added_by, added_at) values
 ('暴雨',     '天气是起因，不是事项：暴雨冲垮桥梁由交通运输部门主管', 'system', current_timestamp),
 ('大雨',     '天气是起因', 'system', current_timestamp),
 ('大风',     '天气是起因', 'system', current_timestamp),
 ('高温',     '天气是起因', 'system', current_timestamp),
 ('寒潮',     '天气是起因', 'system', current_timestamp),
 ('天气',     '天气是背景', 'system', current_timestamp),
 ('没人管',   '抱怨的语气，不是信访事项', 'system', current_timestamp),
 ('投诉无门', '抱怨的语气，不是信访事项', 'system', current_timestamp),
 ('多次反映', '抱怨的语气，不是信访事项', 'system', current_timestamp),
 ('报警',     '求助的方式，不是治安事项本身', 'system', current_timestamp),
 ('政策',     '顺带提及政策不等于政策解读事项', 'system', current_timestamp),
 ('规定',     '顺带提及规定不等于政策解读事项', 'system', current_timestamp),
 ('文件',     '顺带提及文件不等于政策解读事项', 'system', current_timestamp);

alter table opinion_event add column main_category varchar(32);
alter table opinion_event add column other_categories varchar(500);

-- the unit the order was meant for when another unit holds it (nobody there to receive it)
alter table work_order add column party_unit_id bigint references unit (id);
