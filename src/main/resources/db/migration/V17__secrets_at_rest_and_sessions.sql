-- 等保 level 3: secrets and personal data are stored encrypted (SM4-GCM, base64 with a prefix), which
-- is longer than the clear text; a letter's address is the item's contact (encrypted), no longer its author; and what 等保 asks of sign-ins (password age, the last sign-in shown).
alter table person alter column phone set data type varchar(200);
alter table person alter column email set data type varchar(300);
alter table intake_source alter column mail_password set data type varchar(500);
alter table group_robot alter column webhook_url set data type varchar(2000);
alter table group_robot alter column secret set data type varchar(500);

alter table person add column password_changed_at timestamp with time zone;
-- passwords in use when the rule came count from now, not from an unknown past
update person set password_changed_at = current_timestamp;
alter table person add column last_sign_in_at timestamp with time zone;
alter table person add column last_sign_in_from varchar(100);
alter table opinion_item add column contact varchar(500);
