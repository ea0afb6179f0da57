package br.dev.sync.core.jdbc;

import br.dev.sync.core.testkit.SyncStoreContract;
import br.dev.sync.core.testkit.TestDatabase;

/**
 * A host's own table for the contract stream, with its own column names: key {@code item_id}, version {@code rev},
 * tombstone flag {@code removed} (or none), and the field {@code name} kept in {@code item_name}.
 */
final class HostItems {
    private HostItems() {}

    static String table(String prefix) {
        return prefix + "host_items";
    }

    static void create(TestDatabase db, String prefix, boolean deletedColumn) {
        db.dropTables(java.util.List.of(table(prefix)));
        db.execute("CREATE TABLE " + table(prefix) + " (item_id VARCHAR(100) NOT NULL PRIMARY KEY,"
                + " rev BIGINT NOT NULL," + (deletedColumn ? " removed BOOLEAN DEFAULT FALSE NOT NULL," : "")
                + " item_name VARCHAR(60), price DECIMAL(12, 2), qty INT, note VARCHAR(20) DEFAULT 'host')");
    }

    static StreamTable mapping(String prefix, boolean deletedColumn) {
        StreamTable.Builder b = StreamTable.stream(SyncStoreContract.STREAM)
                .table(table(prefix))
                .key("item_id")
                .version("rev")
                .column("name", "item_name");
        return (deletedColumn ? b.deleted("removed") : b).build();
    }
}
