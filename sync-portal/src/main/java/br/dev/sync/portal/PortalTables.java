package br.dev.sync.portal;

import br.dev.sync.core.StoreException;
import br.dev.sync.core.SyncStream;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The default tables of the Portal Postal streams ({@code portal_pre_postings}, {@code portal_clients} ...): one
 * row per record, {@code sync_key} the stream's key, {@code version} the portal's update time in epoch
 * milliseconds, and one column per field in snake case (nested values as JSON text). {@link #migrate(DataSource)}
 * creates and upgrades them with Flyway under its own history table, {@code portal_schema_history}, so neither
 * the host's history nor the SDK's is touched.
 *
 * <p>Thread-safe: stateless.
 */
public final class PortalTables {
    /** The Flyway history table of the Portal Postal tables. */
    public static final String HISTORY = "portal_schema_history";

    private static final String LOCATION = "classpath:br/dev/sync/portal/db";
    private static final Pattern HUMP = Pattern.compile("(?<!^)(?=[A-Z])");
    private static final Map<String, String> RENAMED = Map.of(
            "value", "sale_value",
            "day", "entry_day",
            "date", "sale_date",
            "first", "first_code",
            "last", "last_code",
            "number", "invoice_no",
            "line", "line_no",
            "format", "object_format");

    private PortalTables() {}

    /** Creates or upgrades the default tables; a schema that already holds the host's tables is fine. */
    public static void migrate(DataSource dataSource) {
        try {
            Flyway.configure(PortalTables.class.getClassLoader())
                    .dataSource(dataSource)
                    .table(HISTORY)
                    .locations(LOCATION)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException(
                    "creating or upgrading the Portal Postal tables (history table " + HISTORY + ") failed: "
                            + e.getMessage(),
                    e);
        }
    }

    /** The default table of a stream, e.g. {@code portal_pre_postings} for "pre-postings". */
    public static String table(SyncStream<?> stream) {
        return "portal_" + stream.name().replace('-', '_');
    }

    /** Field to column of a stream's default table, in the record's order: "trackingCode" to "tracking_code". */
    public static Map<String, String> columns(SyncStream<?> stream) {
        Map<String, String> out = new LinkedHashMap<>();
        for (RecordComponent c : stream.type().getRecordComponents()) {
            out.put(c.getName(), column(c.getName()));
        }
        return out;
    }

    /** The default column of a field: snake case, with the few names that are SQL keywords somewhere renamed. */
    public static String column(String field) {
        return RENAMED.getOrDefault(field, HUMP.matcher(field).replaceAll("_").toLowerCase(java.util.Locale.ROOT));
    }

    /** The streams that have a default table. */
    public static List<SyncStream<?>> streams() {
        return PortalStreams.ALL;
    }
}
