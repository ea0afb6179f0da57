package br.dev.sync.examples;

import br.dev.sync.core.ConfigurationException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every example and the command line share. With none, everything runs embedded: an in-process
 * sandbox portal and H2 databases under {@code ./sync-data}.
 *
 * <p>Not thread-safe (filled in by picocli).
 */
public class ExampleOptions {
    @Option(names = "--base-url", description = "Portal Postal URL; without it an in-process sandbox is started.")
    String baseUrl;

    @Option(names = "--agency", defaultValue = "0042", description = "Agency code (default: ${DEFAULT-VALUE}).")
    String agency;

    @Option(names = "--login", description = "Portal login (with --base-url).")
    String login;

    @Option(
            names = "--password-env",
            defaultValue = "PORTAL_PASSWORD",
            description = "Name of the environment variable holding the portal password (default: ${DEFAULT-VALUE}); "
                    + "passwords are never taken on the command line, where other users could read them.")
    String passwordEnv;

    @Option(
            names = "--jdbc-url",
            description = "JDBC URL of the local database; default: an H2 file per node in --data-dir.")
    String jdbcUrl;

    @Option(
            names = "--data-dir",
            defaultValue = "sync-data",
            description = "Folder of the embedded H2 databases (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Clear --data-dir before running (embedded databases only).")
    boolean fresh;

    @Option(names = "--page-size", defaultValue = "500", description = "Records per page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(
            names = "--pre-postings",
            defaultValue = "5000",
            description = "Pre-postings the sandbox seeds (default: ${DEFAULT-VALUE}).")
    int prePostings;

    @Option(
            names = "--outposts",
            defaultValue = "2",
            description = "Outposts the sandbox registers (default: ${DEFAULT-VALUE}).")
    int outposts;

    public static ExampleOptions embedded(Path dataDir) {
        ExampleOptions o = new ExampleOptions();
        o.agency = "0042";
        o.passwordEnv = "PORTAL_PASSWORD";
        o.dataDir = dataDir;
        o.fresh = true;
        o.pageSize = 500;
        o.prePostings = 5_000;
        o.outposts = 2;
        return o;
    }

    public ExampleOptions prePostings(int n) {
        this.prePostings = n;
        return this;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String agency() {
        return agency;
    }

    public String login() {
        return login;
    }

    /** The password, read from the environment variable named by --password-env. */
    public String secret() {
        String value = System.getenv(passwordEnv);
        if (value == null || value.isEmpty()) {
            throw new ConfigurationException(
                    "portal credentials",
                    List.of("--password-env: the environment variable " + passwordEnv
                            + " that should hold the portal password is not set"));
        }
        return value;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean fresh() {
        return fresh;
    }

    public int pageSize() {
        return pageSize;
    }

    public int prePostings() {
        return prePostings;
    }

    public int outposts() {
        return outposts;
    }
}
