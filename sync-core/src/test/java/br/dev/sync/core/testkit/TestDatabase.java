package br.dev.sync.core.testkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A database for a test class, as a JUnit 5 extension ({@code @RegisterExtension static final TestDatabase db =
 * TestDatabase.postgres();}). It picks the database this way:
 *
 * <ol>
 *   <li>H2: a fresh in-memory database, nothing needed;
 *   <li>PostgreSQL / MariaDB: the JDBC URL in {@code SYNC_TEST_POSTGRES_URL} / {@code SYNC_TEST_MARIADB_URL}
 *       (CI points them at the machine's servers), else a Testcontainers container when Docker is available,
 *       else the class is skipped with a message — unless {@code SYNC_REQUIRE_DATABASES=true} or
 *       {@code -Dsync.requireDatabases=true}, which turns the skip into a failure.
 * </ol>
 *
 * <p>Servers are shared (other runs may use them at the same time), so tests use table names unique to their
 * class and this run ({@link #prefix(String)}) and drop them ({@link #dropTables}). Pools are HikariCP and closed
 * after the class. Not thread-safe during set-up; the data sources it hands out are.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
    /** The databases the JDBC store runs on. */
    public enum Kind {
        H2,
        POSTGRESQL,
        MARIADB
    }

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static JdbcDatabaseContainer<?> postgresContainer;
    private static JdbcDatabaseContainer<?> mariadbContainer;

    private final Kind kind;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private String url;
    private String user;
    private String password;
    private HikariDataSource main;
    private String owner;

    private TestDatabase(Kind kind) {
        this.kind = kind;
    }

    public static TestDatabase h2() {
        return new TestDatabase(Kind.H2);
    }

    public static TestDatabase postgres() {
        return new TestDatabase(Kind.POSTGRESQL);
    }

    public static TestDatabase mariadb() {
        return new TestDatabase(Kind.MARIADB);
    }

    public static TestDatabase of(Kind kind) {
        return new TestDatabase(kind);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (main != null) {
            return; // a @Nested class of the class that set it up
        }
        owner = context.getUniqueId();
        switch (kind) {
            case H2 ->
                url = "jdbc:h2:mem:" + context.getRequiredTestClass().getSimpleName() + "_"
                        + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
            case POSTGRESQL -> locate(context, "SYNC_TEST_POSTGRES_URL");
            case MARIADB -> locate(context, "SYNC_TEST_MARIADB_URL");
        }
        main = newDataSource();
    }

    private void locate(ExtensionContext context, String variable) {
        String fromEnv = System.getenv(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            url = fromEnv;
            return;
        }
        if (dockerAvailable()) {
            JdbcDatabaseContainer<?> c = container();
            url = c.getJdbcUrl();
            user = c.getUsername();
            password = c.getPassword();
            return;
        }
        String why = kind + " tests need a database: set " + variable
                + " to a JDBC URL (CI uses the machine's server) or make Docker available for Testcontainers";
        if (required()) {
            Assertions.fail(why + " (databases are required: SYNC_REQUIRE_DATABASES / sync.requireDatabases)");
        }
        // JUnit records the abort on the class container, which Maven reports as "Tests run: 0": say it aloud too
        System.err.println(
                "[TestDatabase] SKIPPED " + context.getRequiredTestClass().getSimpleName() + ": " + why);
        Assumptions.abort("skipped: " + why);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    private synchronized JdbcDatabaseContainer<?> container() {
        synchronized (TestDatabase.class) {
            if (kind == Kind.POSTGRESQL) {
                if (postgresContainer == null) {
                    postgresContainer = new PostgreSQLContainer("postgres:15");
                    postgresContainer.start();
                }
                return postgresContainer;
            }
            if (mariadbContainer == null) {
                mariadbContainer = new MariaDBContainer("mariadb:10.11");
                mariadbContainer.start();
            }
            return mariadbContainer;
        }
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("SYNC_REQUIRE_DATABASES"))
                || "true".equalsIgnoreCase(System.getProperty("sync.requireDatabases"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!context.getUniqueId().equals(owner)) {
            return;
        }
        main = null;
        pools.forEach(HikariDataSource::close);
        pools.clear();
    }

    public Kind kind() {
        return kind;
    }

    /** The class's shared pool. */
    public DataSource dataSource() {
        return main;
    }

    /** Another, independent pool on the same database (a second process, as far as the database can tell). */
    public HikariDataSource newDataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
            config.setPassword(password);
        } else if (kind == Kind.H2) {
            config.setUsername("sa");
        }
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(config);
        pools.add(ds);
        return ds;
    }

    /** A raw connection outside every pool (e.g. a session that holds a lock). */
    public Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(url, user != null ? user : kind == Kind.H2 ? "sa" : null, password);
    }

    /** A table prefix unique to a test class and this run: {@code t_<name>_<run>_}. */
    public static String prefix(String name) {
        return ("t_" + name + "_" + RUN + "_").toLowerCase(Locale.ROOT);
    }

    /** Drops tables if they exist, each as written and (on H2) quoted in lower case as Flyway creates its own. */
    public void dropTables(List<String> tables) {
        try (Connection c = main.getConnection();
                Statement s = c.createStatement()) {
            for (String t : tables) {
                String cascade = kind == Kind.MARIADB ? "" : " CASCADE";
                s.execute("DROP TABLE IF EXISTS " + t + cascade);
                if (kind == Kind.H2) {
                    s.execute("DROP TABLE IF EXISTS \"" + t + "\"" + cascade);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test tables " + tables, e);
        }
    }

    /** Runs statements on the class's pool. */
    public void execute(String... sql) {
        try (Connection c = main.getConnection();
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run test SQL: " + e.getMessage(), e);
        }
    }
}
