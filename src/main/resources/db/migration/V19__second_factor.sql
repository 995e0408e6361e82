-- 等保 level 3, 8.1.4.1 d: a second factor (time-based one-time passwords, RFC 6238), required for the
-- three administrators. The secret is encrypted at rest like other secrets; recovery codes are kept
-- as digests; the last accepted time step stops a code from being used twice.
alter table person add column totp_secret varchar(300);
alter table person add column totp_enabled boolean default false not null;
alter table person add column totp_last_step bigint;
alter table person add column recovery_codes varchar(1500);
