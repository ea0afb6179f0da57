-- The remaining large-object text of the SDK's tables as CHARACTER VARYING (H2 2.5 takes up to 1,000,000,000
-- characters), as V2 did for the outbox and push ledger: the generic records' and baselines' fields, the checkpoints'
-- cursors, the quarantine's reason and raw text, the run log's reports and the markers' values. No column is left a
-- large object. H2 copies each large object of more than 256 bytes that a query answers into temporary storage and
-- keeps the copy on the session for LOB_TIMEOUT (5 minutes by default), and it writes and reads each one through
-- buffers of its own: on a pooled connection, reading back and scanning 100,000 generic records left 200,000 copies
-- behind, and applying them with their baselines allocated 11.5 GB instead of 1.7 GB.

ALTER TABLE ${prefix}records ALTER COLUMN fields SET DATA TYPE CHARACTER VARYING;

ALTER TABLE ${prefix}baselines ALTER COLUMN fields SET DATA TYPE CHARACTER VARYING;

ALTER TABLE ${prefix}checkpoints ALTER COLUMN cursor_value SET DATA TYPE CHARACTER VARYING;

ALTER TABLE ${prefix}quarantine ALTER COLUMN reason SET DATA TYPE CHARACTER VARYING;

ALTER TABLE ${prefix}quarantine ALTER COLUMN raw SET DATA TYPE CHARACTER VARYING;

ALTER TABLE ${prefix}runs ALTER COLUMN report SET DATA TYPE CHARACTER VARYING;

ALTER TABLE ${prefix}markers ALTER COLUMN marker_value SET DATA TYPE CHARACTER VARYING;
