package br.dev.sync.core.internal.http;

import br.dev.sync.core.http.Auth;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values one remote system's settings hold (passwords, keys, token-endpoint body values) and the tokens
 * obtained at run time, so that any text about to be logged or put in a message can be scrubbed of them. Values
 * shorter than {@value #MIN_SECRET_CHARS} characters are not scrubbed (they would mangle ordinary text). Also knows
 * which headers and query parameters carry secrets. Thread-safe.
 */
public final class Secrets {
    static final String MASK = "***";
    static final int MIN_SECRET_CHARS = 4;
    private static final Pattern SECRET_QUERY =
            Pattern.compile("(?i)([?&][^=&#]*(?:pass|senha|secret|token|key|auth|credential)[^=&#]*=)([^&#]*)");
    private static final Set<String> ALWAYS_SECRET_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    private final Set<String> values = new CopyOnWriteArraySet<>();
    private final Set<String> headers = new CopyOnWriteArraySet<>(ALWAYS_SECRET_HEADERS);

    /** The secrets held by {@code auth}. */
    public static Secrets of(Auth auth) {
        Secrets s = new Secrets();
        if (auth instanceof Auth.Basic basic) {
            s.addBasic(basic);
        } else if (auth instanceof Auth.ApiKey key) {
            s.headers.add(key.headerName().toLowerCase(Locale.ROOT));
            s.add(key.value());
        } else if (auth instanceof Auth.TokenEndpoint endpoint) {
            endpoint.jsonBody().values().forEach(s::add);
            if (endpoint.basicCredentials() != null) {
                s.addBasic(endpoint.basicCredentials());
            }
        }
        return s;
    }

    private void addBasic(Auth.Basic basic) {
        add(basic.password());
        add(Base64.getEncoder()
                .encodeToString((basic.user() + ":" + basic.password()).getBytes(StandardCharsets.UTF_8)));
    }

    /** Remembers one more secret value, e.g. a token just obtained. */
    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_CHARS) {
            values.add(secret);
            values.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            values.add(secret.replace("\\", "\\\\").replace("\"", "\\\""));
        }
    }

    /** Whether header {@code name} carries a secret. */
    public boolean isSecretHeader(String name) {
        return name != null && headers.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code text} with every known secret and every secret-looking query value replaced by {@value #MASK}. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = SECRET_QUERY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        for (String secret : values) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
