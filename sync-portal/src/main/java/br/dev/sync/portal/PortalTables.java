package br.dev.sync.portal;

import br.dev.sync.core.ConfigurationException;
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
 * the host's history nor the SDK's is touched. The prefix {@code portal_} can be changed with
 * {@link #withPrefix(String)}, e.g. to keep two nodes' tables apart in one schema.
 *
 * <p>Immutable and thread-safe.
 */
public final class PortalTables {
    /** The default prefix of the tables. */
    public static final String DEFAULT_PREFIX = "portal_";

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");

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

    private final String prefix;

    private PortalTables(String prefix) {
        this.prefix = prefix;
    }

    /** The tables with the prefix {@code portal_}. */
    public static PortalTables defaults() {
        return new PortalTables(DEFAULT_PREFIX);
    }

    /** The tables with another prefix: lower-case letters, digits and '_', starting with a letter. */
    public static PortalTables withPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new ConfigurationException(
                    "Portal Postal tables",
                    List.of("prefix: 1-30 lower-case letters, digits or '_', starting with a letter (was '" + prefix
                            + "')"));
        }
        return new PortalTables(prefix);
    }

    public String prefix() {
        return prefix;
    }

    /** The Flyway history table of these tables, e.g. {@code portal_schema_history}. */
    public String history() {
        return prefix + "schema_history";
    }

    /** Creates or upgrades the tables; a schema that already holds the host's tables is fine. */
    public void migrate(DataSource dataSource) {
        try {
            Flyway.configure(PortalTables.class.getClassLoader())
                    .dataSource(dataSource)
                    .table(history())
                    .locations(LOCATION)
                    .placeholders(Map.of("prefix", prefix))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException(
                    "creating or upgrading the Portal Postal tables (history table " + history() + ") failed: "
                            + e.getMessage(),
                    e);
        }
    }

    /** The table of a stream, e.g. {@code portal_pre_postings} for "pre-postings". */
    public String table(SyncStream<?> stream) {
        return prefix + stream.name().replace('-', '_');
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
