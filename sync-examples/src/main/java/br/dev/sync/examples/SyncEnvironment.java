package br.dev.sync.examples;

import br.dev.sync.core.SyncEngine;
import br.dev.sync.core.jdbc.JdbcSyncStore;
import br.dev.sync.core.spi.SyncListener;
import br.dev.sync.portal.PortalConfig;
import br.dev.sync.portal.PortalPostal;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where an example runs: by default an in-process Portal Postal sandbox with seeded data and an embedded H2
 * database in a local folder, so it runs from an IDE with no set-up; or a real portal and database given by
 * options. Opens one store per node (each node is its own database, as in real life) and closes everything.
 *
 * <p>Not thread-safe: one per example run.
 */
public final class SyncEnvironment implements AutoCloseable {
    private final ExampleOptions options;
    private final PortalSandbox sandbox;
    private final List<AutoCloseable> open = new ArrayList<>();

    private SyncEnvironment(ExampleOptions options, PortalSandbox sandbox) {
        this.options = options;
        this.sandbox = sandbox;
    }

    /** Starts the sandbox unless a portal URL is given; wipes the data folder first when asked. */
    public static SyncEnvironment start(ExampleOptions options) {
        if (options.fresh() && options.jdbcUrl() == null) {
            wipe(options.dataDir());
        }
        PortalSandbox sandbox = options.baseUrl() == null
                ? PortalSandbox.start(SandboxOptions.defaults()
                        .withPrePostings(options.prePostings())
                        .withOutposts(options.outposts()))
                : null;
        return new SyncEnvironment(options, sandbox);
    }

    /** The portal as seen by the agency (head office), or by one of its outposts when {@code outpost} is set. */
    public PortalPostal portal(String outpost) {
        PortalConfig.Builder b = PortalConfig.builder().pageSize(options.pageSize());
        if (sandbox != null) {
            var o = sandbox.options();
            b.baseUrl(sandbox.baseUrl()).agency(o.agency()).credentials(o.login(), o.secret());
        } else {
            b.baseUrl(options.baseUrl()).agency(options.agency()).credentials(options.login(), options.secret());
        }
        if (outpost != null) {
            b.outpost(outpost);
        }
        return PortalPostal.connect(b.build());
    }

    /** The day the examples sync: the last seeded day of the sandbox, or today on a real portal. */
    public LocalDate today() {
        return sandbox != null ? sandbox.options().lastDay() : LocalDate.now(br.dev.sync.core.Window.SAO_PAULO);
    }

    public List<String> outposts() {
        return sandbox != null ? sandbox.outposts() : List.of();
    }

    public PortalSandbox sandbox() {
        return sandbox;
    }

    /** An engine for {@code node} on that node's own database. */
    public SyncEngine engine(String node, SyncListener listener) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.jdbcUrl() != null ? options.jdbcUrl() : h2Url(node));
        config.setMaximumPoolSize(4);
        config.setPoolName("sync-" + node);
        HikariDataSource ds = new HikariDataSource(config);
        open.add(ds);
        JdbcSyncStore store = JdbcSyncStore.on(ds);
        SyncEngine engine =
                SyncEngine.builder().node(node).store(store).listener(listener).build();
        open.add(0, engine);
        return engine;
    }

    private String h2Url(String node) {
        return "jdbc:h2:file:" + options.dataDir().toAbsolutePath().resolve(node) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // closing an example's resources: nothing left to save
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static void wipe(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the example data folder " + dir, e);
        }
    }
}
