package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.StoreException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Creates and upgrades the SDK's tables with Flyway, from {@code br/dev/sync/core/jdbc/migration/<dialect>}, with
 * its own history table ({@code <prefix>schema_history}) so a host's own Flyway history is never read or written.
 * A schema that already holds the host's tables is accepted (baseline at version 0, so every SDK migration runs).
 */
public final class Migrations {
    public static final String LOCATION = "br/dev/sync/core/jdbc/migration/";

    private Migrations() {}

    public static void migrate(DataSource dataSource, Dialect dialect, SdkTables tables) {
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .table(tables.history())
                    .locations("classpath:" + LOCATION + dialect.name())
                    .placeholders(Map.of("prefix", tables.prefix()))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException(
                    "creating or upgrading the sync SDK's tables (prefix " + tables.prefix() + ", history table "
                            + tables.history() + ") failed on " + dialect.name() + ": " + e.getMessage(),
                    e);
        }
    }
}
