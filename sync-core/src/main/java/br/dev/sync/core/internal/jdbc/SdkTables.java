package br.dev.sync.core.internal.jdbc;

/**
 * The names of the SDK's own tables under one prefix (validated by the caller). They are created unquoted by the
 * migrations, so they are used unquoted too.
 */
public record SdkTables(String prefix) {
    public String records() {
        return prefix + "records";
    }

    public String tombstones() {
        return prefix + "tombstones";
    }

    public String baselines() {
        return prefix + "baselines";
    }

    public String checkpoints() {
        return prefix + "checkpoints";
    }

    public String outbox() {
        return prefix + "outbox";
    }

    public String pushLedger() {
        return prefix + "push_ledger";
    }

    public String quarantine() {
        return prefix + "quarantine";
    }

    public String runs() {
        return prefix + "runs";
    }

    public String leases() {
        return prefix + "leases";
    }

    public String markers() {
        return prefix + "markers";
    }

    /** Flyway's history of these tables, apart from any history table of the host. */
    public String history() {
        return prefix + "schema_history";
    }

    /** Every table, in an order that can be dropped. */
    public java.util.List<String> all() {
        return java.util.List.of(
                records(),
                tombstones(),
                baselines(),
                checkpoints(),
                outbox(),
                pushLedger(),
                quarantine(),
                runs(),
                leases(),
                markers(),
                history());
    }
}
