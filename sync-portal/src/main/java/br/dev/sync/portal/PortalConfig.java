package br.dev.sync.portal;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.portal.internal.Checks;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the portal is and who this agency is: base URL, agency code, login and secret, and optionally the outpost
 * code of a node that is an outpost (posto avançado). {@link #toString()} never shows the secret.
 *
 * <pre>{@code
 * PortalConfig config = PortalConfig.builder().baseUrl(url).agency("0042").credentials(login, secret).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PortalConfig {
    @NotNull
    @Pattern(regexp = "https?://[^?#\\s]+", message = "must be an http(s) URL without query or fragment")
    private final String baseUrl;

    @NotNull
    @Pattern(regexp = "\\d{4}", message = "must be the 4-digit agency code, e.g. 0042")
    private final String agency;

    @NotBlank
    private final String login;

    @NotBlank
    private final String secret;

    @Pattern(regexp = "\\d{4}", message = "must be the 4-digit outpost code, e.g. 0002")
    private final String outpost;

    @NotNull
    private final Duration timeout;

    @NotNull
    private final Duration overlap;

    @Min(1)
    @Max(1000)
    private final int pageSize;

    @Min(1)
    @Max(20)
    private final int attempts;

    private PortalConfig(Builder b) {
        this.baseUrl = b.baseUrl == null ? null : b.baseUrl.replaceAll("/+$", "");
        this.agency = b.agency;
        this.login = b.login;
        this.secret = b.secret;
        this.outpost = b.outpost;
        this.timeout = b.timeout;
        this.overlap = b.overlap;
        this.pageSize = b.pageSize;
        this.attempts = b.attempts;
    }

    public static Builder builder() {
        return new Builder();
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

    /** The secret, for the login request only. */
    public String secret() {
        return secret;
    }

    /** This node's outpost code, or null when the node is not an outpost. */
    public String outpost() {
        return outpost;
    }

    public Duration timeout() {
        return timeout;
    }

    /** How far back a sync re-reads from its last checkpoint, because the portal's timestamps are not unique. */
    public Duration overlap() {
        return overlap;
    }

    public int pageSize() {
        return pageSize;
    }

    /** How many tries a remote call gets when it fails in a retryable way. */
    public int attempts() {
        return attempts;
    }

    @Override
    public String toString() {
        return "PortalConfig[baseUrl=" + baseUrl + ", agency=" + agency + ", login=" + login + ", secret=***"
                + (outpost == null ? "" : ", outpost=" + outpost) + "]";
    }

    /**
     * Collects a configuration; {@link #build()} checks it as a whole and lists every problem at once.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private String baseUrl;
        private String agency;
        private String login;
        private String secret;
        private String outpost;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration overlap = Duration.ofMinutes(2);
        private int pageSize = 500;
        private int attempts = 5;

        private Builder() {}

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder agency(String agency) {
            this.agency = agency;
            return this;
        }

        public Builder credentials(String login, String secret) {
            this.login = login;
            this.secret = secret;
            return this;
        }

        public Builder outpost(String outpost) {
            this.outpost = outpost;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder overlap(Duration overlap) {
            this.overlap = overlap;
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        /** @throws ConfigurationException listing every problem */
        public PortalConfig build() {
            PortalConfig config = new PortalConfig(this);
            var problems = Checks.violations(config);
            if (!problems.isEmpty()) {
                throw new ConfigurationException("Portal Postal configuration", problems);
            }
            return config;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortalConfig c
                && Objects.equals(baseUrl, c.baseUrl)
                && Objects.equals(agency, c.agency)
                && Objects.equals(login, c.login)
                && Objects.equals(outpost, c.outpost);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, agency, login, outpost);
    }
}
