package br.dev.sync.core.internal.jdbc;

import br.dev.sync.core.ConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Picks the dialect from the connection's metadata. */
public final class Dialects {
    private Dialects() {}

    public static Dialect detect(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String version = c.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return new H2Dialect();
        }
        if (product.contains("postgres")) {
            return new PostgresDialect();
        }
        if (product.contains("mariadb") || version.contains("mariadb")) {
            return new MariaDbDialect();
        }
        throw new ConfigurationException(
                "the JDBC store's database",
                List.of("database '" + product + "' is not supported; the JDBC store runs on H2, PostgreSQL and"
                        + " MariaDB (Oracle is planned)"));
    }
}
