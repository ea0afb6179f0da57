-- The outbox's and push ledger's JSON as CHARACTER VARYING (H2 2.5 takes up to 1,000,000,000 characters) instead of
-- a large object. H2 copies each large object of more than 256 bytes that a query answers into temporary storage
-- and keeps the copy on the session for LOB_TIMEOUT (5 minutes by default), and it writes and reads each one through
-- buffers of its own: a pooled connection draining 100,000 entries kept every entry it had claimed and ran out of a
-- 128 MB heap, and each entry cost about 120 KB of short-lived garbage.

ALTER TABLE ${prefix}outbox ALTER COLUMN change_json SET DATA TYPE CHARACTER VARYING;

ALTER TABLE ${prefix}push_ledger ALTER COLUMN change_json SET DATA TYPE CHARACTER VARYING;
