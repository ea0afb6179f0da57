package br.dev.sync.core.config;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.internal.config.ConfigFile;
import br.dev.sync.core.internal.config.ConsistentConfiguration;
import br.dev.sync.core.internal.validation.Validation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The ERP's "Sincronismo" configuration: origin, destination, frequency, streams, mapping rules, fiscal series and
 * credentials, validated as a whole. {@link Builder#build()} and the loaders report every problem at once in one
 * {@link ConfigurationException}; the secret never appears in {@link #toString()} or in any message.
 *
 * <h2>Keys</h2>
 * <table>
 * <caption>Settings, as dotted keys of a {@code .properties} file or nested keys of a YAML file</caption>
 * <tr><th>key</th><th>value</th></tr>
 * <tr><td>{@code origin.name}, {@code origin.url}</td><td>required; an {@code http(s)://} URL</td></tr>
 * <tr><td>{@code destination.name}, {@code destination.url}</td><td>required; an {@code http(s)://} or
 *     {@code jdbc:} URL</td></tr>
 * <tr><td>{@code frequency.automatic}</td><td>{@code true} (default) or {@code false}</td></tr>
 * <tr><td>{@code frequency.send}, {@code frequency.receive}</td><td>minutes ({@code 5}, the default) or an ISO-8601
 *     duration ({@code PT1H30M}); 1 minute to 24 hours</td></tr>
 * <tr><td>{@code streams}</td><td>required; stream names, comma-separated (a list in YAML), each once</td></tr>
 * <tr><td>{@code mapping.<stream>.table}</td><td>{@code table} or {@code schema.table}</td></tr>
 * <tr><td>{@code mapping.<stream>.columns.<field>}</td><td>the column a field is written to</td></tr>
 * <tr><td>{@code fiscal.nfe}, {@code fiscal.nfce}, {@code fiscal.nfeContingency},
 *     {@code fiscal.nfceContingency}</td><td>required; 0 to 999; a contingency series differs from the normal one
 *     of its model</td></tr>
 * <tr><td>{@code credentials.user}, {@code credentials.secret}</td><td>required</td></tr>
 * </table>
 * Any other key is reported as unknown, so a typo is never silently ignored.
 *
 * <pre>{@code
 * # sync.properties
 * origin.name=Matriz
 * origin.url=https://erp.example.com.br/api
 * destination.name=Loja 01
 * destination.url=jdbc:postgresql://localhost:5432/loja01
 * frequency.automatic=true
 * frequency.send=5
 * frequency.receive=10
 * streams=products, stock, clients
 * mapping.products.table=erp.produtos
 * mapping.products.columns.id=codprod
 * mapping.stock.table=estoque
 * fiscal.nfe=1
 * fiscal.nfce=2
 * fiscal.nfeContingency=900
 * fiscal.nfceContingency=901
 * credentials.user=loja01
 * credentials.secret=change-me
 * }</pre>
 *
 * <pre>{@code
 * # sync.yaml
 * origin: {name: Matriz, url: "https://erp.example.com.br/api"}
 * destination: {name: Loja 01, url: "jdbc:postgresql://localhost:5432/loja01"}
 * frequency: {automatic: true, send: 5, receive: 10}
 * streams: [products, stock, clients]
 * mapping:
 *   products: {table: erp.produtos, columns: {id: codprod}}
 *   stock: {table: estoque}
 * fiscal: {nfe: 1, nfce: 2, nfeContingency: 900, nfceContingency: 901}
 * credentials: {user: loja01, secret: change-me}
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@ConsistentConfiguration
public final class SyncConfiguration {
    private static final String STREAM = "[A-Za-z][A-Za-z0-9_-]{0,62}";

    @NotNull
    @Valid
    private final Endpoint origin;

    @NotNull
    @Valid
    private final Endpoint destination;

    @NotNull
    @Valid
    private final Frequency frequency;

    @NotEmpty
    private final List<
                    @NotBlank @Pattern(regexp = STREAM, message = "must be a stream name (letters, digits, _ or -)")
                    String>
            streams;

    private final Map<String, @NotNull @Valid MappingRule> mapping;

    @NotNull
    @Valid
    private final FiscalSeries fiscal;

    @NotNull
    @Valid
    private final Credentials credentials;

    private SyncConfiguration(Builder b) {
        this.origin = b.origin;
        this.destination = b.destination;
        this.frequency = b.frequency;
        this.streams = List.copyOf(b.streams);
        this.mapping = Collections.unmodifiableMap(new TreeMap<>(b.mapping));
        this.fiscal = b.fiscal;
        this.credentials = b.credentials;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a {@code .properties} file or a {@code .yaml}/{@code .yml} file, chosen by extension.
     * A {@code .properties} file is read as UTF-8, or as ISO-8859-1 when it is not valid UTF-8; YAML as UTF-8.
     *
     * @throws ConfigurationException naming the file and listing every problem: unreadable or malformed content
     *     (with the line), unknown keys or keys given twice, values that do not parse, and every rule broken
     */
    public static SyncConfiguration load(Path file) {
        return ConfigFile.load(file);
    }

    /** Reads settings from properties with the keys above. */
    public static SyncConfiguration fromProperties(Properties properties) {
        return ConfigFile.fromProperties(properties, "configuration properties");
    }

    /** Reads settings from YAML with the keys above, nested. The reader is not closed. */
    public static SyncConfiguration fromYaml(Reader yaml) {
        return ConfigFile.fromYaml(yaml, "YAML configuration");
    }

    public Endpoint origin() {
        return origin;
    }

    public Endpoint destination() {
        return destination;
    }

    public Frequency frequency() {
        return frequency;
    }

    /** The streams to sync, in the order given. */
    public List<String> streams() {
        return streams;
    }

    /** Mapping rules by stream name; a stream without a rule keeps its own table and field names. */
    public Map<String, MappingRule> mapping() {
        return mapping;
    }

    public FiscalSeries fiscal() {
        return fiscal;
    }

    public Credentials credentials() {
        return credentials;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyncConfiguration c
                && Objects.equals(origin, c.origin)
                && Objects.equals(destination, c.destination)
                && Objects.equals(frequency, c.frequency)
                && streams.equals(c.streams)
                && mapping.equals(c.mapping)
                && Objects.equals(fiscal, c.fiscal)
                && Objects.equals(credentials, c.credentials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, destination, frequency, streams, mapping, fiscal, credentials);
    }

    /** Every setting except the secret. */
    @Override
    public String toString() {
        return "SyncConfiguration[origin=" + origin + ", destination=" + destination + ", frequency=" + frequency
                + ", streams=" + streams + ", mapping=" + mapping + ", fiscal=" + fiscal + ", credentials="
                + credentials + "]";
    }

    /**
     * Collects the settings of a {@link SyncConfiguration}. Frequency defaults to {@link Frequency#DEFAULT}; mapping
     * to none; everything else is required.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private Endpoint origin;
        private Endpoint destination;
        private Frequency frequency = Frequency.DEFAULT;
        private List<String> streams = List.of();
        private final Map<String, MappingRule> mapping = new TreeMap<>();
        private FiscalSeries fiscal;
        private Credentials credentials;

        private Builder() {}

        public Builder origin(String name, String url) {
            return origin(new Endpoint(name, url));
        }

        public Builder origin(Endpoint origin) {
            this.origin = origin;
            return this;
        }

        public Builder destination(String name, String url) {
            return destination(new Endpoint(name, url));
        }

        public Builder destination(Endpoint destination) {
            this.destination = destination;
            return this;
        }

        public Builder frequency(boolean automatic, Duration send, Duration receive) {
            return frequency(new Frequency(automatic, send, receive));
        }

        public Builder frequency(Frequency frequency) {
            this.frequency = frequency;
            return this;
        }

        public Builder streams(String... streams) {
            return streams(List.of(streams));
        }

        /** The streams to sync, in order; each once. */
        public Builder streams(List<String> streams) {
            this.streams = List.copyOf(streams);
            return this;
        }

        /** The rule for one listed stream; replaces an earlier rule for it. */
        public Builder mapping(String stream, MappingRule rule) {
            this.mapping.put(Objects.requireNonNull(stream, "stream"), rule);
            return this;
        }

        public Builder fiscal(Integer nfe, Integer nfce, Integer nfeContingency, Integer nfceContingency) {
            return fiscal(new FiscalSeries(nfe, nfce, nfeContingency, nfceContingency));
        }

        public Builder fiscal(FiscalSeries fiscal) {
            this.fiscal = fiscal;
            return this;
        }

        public Builder credentials(String user, String secret) {
            return credentials(new Credentials(user, secret));
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** @throws ConfigurationException listing every violated rule, sorted by setting */
        public SyncConfiguration build() {
            return Validation.requireValid(new SyncConfiguration(this), "sync configuration");
        }
    }
}
