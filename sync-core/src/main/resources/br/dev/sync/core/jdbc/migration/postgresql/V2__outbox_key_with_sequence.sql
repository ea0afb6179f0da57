-- The outbox's key index also carries the sequence. The conflict check reads the newest pending entry of each key
-- (ORDER BY seq DESC LIMIT 1 along this index); without seq in it, PostgreSQL read every entry of the key and sorted
-- them: 1.2 ms for a key with 2,000 pending entries, against 0.04 ms with it. InnoDB's and H2's secondary indexes
-- end with the primary key (seq) already, so MariaDB and H2 have no such migration.

DROP INDEX ${prefix}outbox_key;

CREATE INDEX ${prefix}outbox_key ON ${prefix}outbox (record_key, stream, seq);
