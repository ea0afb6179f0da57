package br.dev.sync.core.http;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * How requests to a remote system are authenticated. The cases hold secrets, so their {@code toString()} never
 * shows a password, key or body value, and the toolkit never logs them nor puts them in an exception message.
 *
 * <p>All cases are immutable and thread-safe.
 */
public sealed interface Auth permits Auth.None, Auth.Basic, Auth.ApiKey, Auth.TokenEndpoint {

    /** No authentication. */
    static Auth none() {
        return None.INSTANCE;
    }

    /** HTTP Basic authentication on every request. */
    static Basic basic(String user, String password) {
        return new Basic(user, password);
    }

    /** A fixed key sent in a header on every request, e.g. {@code apiKey("X-Api-Key", key)}. */
    static ApiKey apiKey(String headerName, String value) {
        return new ApiKey(headerName, value);
    }

    /**
     * A bearer token obtained by {@code POST path} (relative to the base URL; it may carry a non-secret query such
     * as {@code ?idEmpresa=0042}) with {@code jsonBody} as a JSON object of strings, read from field
     * {@code tokenField} of the JSON answer, and cached for {@code defaultLifetime} unless an expiry field is named
     * with {@link TokenEndpoint#expiresAt(String)}. Refine with {@link TokenEndpoint#withBasic(String, String)}.
     *
     * <p>Examples: WinThor {@code tokenEndpoint("/winthor/autenticacao/v1/login", Map.of("login", l, "senha", s),
     * "accessToken", Duration.ofHours(2))}; Portal Postal {@code tokenEndpoint("/rest/cliente/usuario/login?idEmpresa=0042",
     * Map.of("login", l, "senha", s), "token", Duration.ofMinutes(30))}; Correios CWS
     * {@code tokenEndpoint("/token/v1/autentica/cartaopostagem", Map.of("numero", card), "token",
     * Duration.ofMinutes(30)).withBasic(user, accessCode).expiresAt("expiraEm")}.
     */
    static TokenEndpoint tokenEndpoint(
            String path, Map<String, String> jsonBody, String tokenField, Duration defaultLifetime) {
        return new TokenEndpoint(path, jsonBody, null, tokenField, null, defaultLifetime);
    }

    /** No authentication. Immutable and thread-safe. */
    record None() implements Auth {
        static final None INSTANCE = new None();
    }

    /** HTTP Basic credentials. {@code toString()} shows the user only. Immutable and thread-safe. */
    record Basic(@NotBlank String user, @NotNull String password) implements Auth {
        @Override
        public String toString() {
            return "Basic[user=" + user + ", password=***]";
        }
    }

    /** A key sent in header {@code headerName}. {@code toString()} shows the header name only. Immutable and thread-safe. */
    record ApiKey(@NotBlank String headerName, @NotBlank String value) implements Auth {
        @Override
        public String toString() {
            return "ApiKey[headerName=" + headerName + ", value=***]";
        }
    }

    /**
     * A bearer token from a login endpoint; see {@link Auth#tokenEndpoint}. Every body value is treated as a
     * secret. {@code basicCredentials} and {@code expiresAtField} may be null.
     *
     * <p>The token is cached until it expires (a little before, to absorb clock skew); when a call is answered 401
     * it is fetched again once and the call repeated once.
     *
     * <p>{@code expiresAtField} may hold an ISO instant or offset date-time, a local date-time (read with the
     * answer's {@code zoneOffset} field when present, as Correios CWS sends it, else the system zone), or a number
     * of seconds from now.
     *
     * <p>Immutable and thread-safe.
     */
    record TokenEndpoint(
            @NotNull @Pattern(regexp = "/.*", message = "must start with / (it is appended to the base URL)")
            String path,

            @NotNull Map<String, String> jsonBody,
            Basic basicCredentials,
            @NotBlank String tokenField,
            String expiresAtField,

            @NotNull @DurationMin(millis = 1, message = "must be a positive duration")
            Duration defaultLifetime)
            implements Auth {
        public TokenEndpoint {
            jsonBody = jsonBody == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(jsonBody));
        }

        /** The same endpoint, also sending HTTP Basic credentials to it. */
        public TokenEndpoint withBasic(String user, String password) {
            Basic basic = new Basic(user, password);
            return new TokenEndpoint(path, jsonBody, basic, tokenField, expiresAtField, defaultLifetime);
        }

        /** The same endpoint, reading the token's expiry from field {@code field} of the answer. */
        public TokenEndpoint expiresAt(String field) {
            Objects.requireNonNull(field, "field");
            return new TokenEndpoint(path, jsonBody, basicCredentials, tokenField, field, defaultLifetime);
        }

        @Override
        public String toString() {
            String shownPath = path == null ? null : path.replaceAll("\\?.*", "");
            return "TokenEndpoint[path=" + shownPath
                    + ", bodyFields=" + (jsonBody == null ? null : jsonBody.keySet())
                    + ", basic=" + (basicCredentials == null ? "none" : basicCredentials)
                    + ", tokenField=" + tokenField
                    + ", expiresAtField=" + expiresAtField
                    + ", defaultLifetime=" + defaultLifetime + "]";
        }
    }
}
