-- Users get an optional e-mail address, where notices are sent (vn.dvk.notice).
alter table account_user add column email varchar(254);
