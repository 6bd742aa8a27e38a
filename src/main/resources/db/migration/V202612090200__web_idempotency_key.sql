-- The kept answers of Idempotency-Key requests belong to the web's plumbing (vn.dvk.web.IdempotentRequests), which
-- moved out of shared: its table takes the owner's prefix.
alter table shared_idempotency_key rename to web_idempotency_key;
