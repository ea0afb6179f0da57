package br.dev.sync.core.internal.http;

import br.dev.sync.core.TransportException;
import br.dev.sync.core.http.Auth;
import br.dev.sync.core.http.HttpSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains a bearer token from a token endpoint and caches it until shortly before it expires. The request and the
 * answer go through the plain {@code java.net.http} client, so neither is ever handed to the request logger; only
 * the fact that a token was obtained, and until when, is logged. Thread-safe: one fetch at a time.
 */
final class TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(TokenSource.class);
    private static final Duration MAX_EARLY_REFRESH = Duration.ofSeconds(30);

    private final HttpSettings settings;
    private final Auth.TokenEndpoint endpoint;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Secrets secrets;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    TokenSource(
            HttpSettings settings,
            Auth.TokenEndpoint endpoint,
            HttpClient http,
            ObjectMapper mapper,
            Secrets secrets,
            Clock clock) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.http = http;
        this.mapper = mapper;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The cached token, or a new one when there is none or it is about to expire. */
    synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets {@code used} if it is still the cached token, so the next {@link #token()} fetches a new one. */
    synchronized void invalidate(String used) {
        if (used != null && used.equals(token)) {
            token = null;
        }
    }

    /** Where tokens come from, for messages: method and path, no query. */
    String describe() {
        return "POST " + HttpFailures.pathOf(endpoint.path());
    }

    private void fetch() {
        String url = settings.baseUrl() + endpoint.path();
        try {
            HttpResponse<InputStream> answer = http.send(request(url), HttpResponse.BodyHandlers.ofInputStream());
            JsonNode body = read(answer, url);
            String found = body.path(endpoint.tokenField()).asText("");
            if (found.isBlank()) {
                throw new TransportException(
                        settings.remoteName() + " answered " + describe() + " without a '" + endpoint.tokenField()
                                + "' field. Check the tokenField of the auth settings; the answer had fields "
                                + fieldNames(body) + ".",
                        answer.statusCode(),
                        null);
            }
            secrets.add(found);
            Instant now = clock.instant();
            Instant expiry = TokenExpiry.read(body, endpoint, now);
            Duration life = Duration.between(now, expiry);
            Duration early =
                    life.dividedBy(10).compareTo(MAX_EARLY_REFRESH) < 0 ? life.dividedBy(10) : MAX_EARLY_REFRESH;
            token = found;
            refreshAt = expiry.minus(early);
            LOG.debug("Obtained a token for {} from {}, valid until {}", settings.remoteName(), describe(), expiry);
        } catch (IOException e) {
            throw HttpFailures.forIo(settings.remoteName(), "POST", url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HttpFailures.forIo(settings.remoteName(), "POST", url, new IOException("interrupted", e));
        }
    }

    private HttpRequest request(String url) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", settings.userAgent())
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(endpoint.jsonBody())));
        if (settings.gzip()) {
            b.header("Accept-Encoding", "gzip");
        }
        Auth.Basic basic = endpoint.basicCredentials();
        if (basic != null) {
            b.header("Authorization", basicHeader(basic));
        }
        return b.build();
    }

    static String basicHeader(Auth.Basic basic) {
        byte[] pair = (basic.user() + ":" + basic.password()).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    private JsonNode read(HttpResponse<InputStream> answer, String url) throws IOException {
        int status = answer.statusCode();
        String encoding = answer.headers().firstValue("Content-Encoding").orElse(null);
        long length = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
        InputStream body = Bodies.guard(
                answer.body(),
                encoding,
                length,
                settings.maxResponseBytes(),
                () -> HttpFailures.tooLarge(settings.remoteName(), "POST", url, settings.maxResponseBytes()));
        if (status == 401 || status == 403) {
            body.close();
            throw refused(status);
        }
        if (status < 200 || status > 299) {
            String detail = secrets.scrub(Bodies.snippet(body));
            String retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
            throw HttpFailures.forStatus(settings.remoteName(), "POST", url, status, retryAfter, detail);
        }
        try (body) {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw HttpFailures.unreadable(settings.remoteName(), "POST", url, new IOException("not a JSON object"));
        }
    }

    /** The login was refused: retrying will not help until someone fixes the credentials. */
    TransportException refused(int status) {
        return new TransportException(
                settings.remoteName() + " refused the credentials at " + describe() + " (" + status
                        + "). Check the login and password (and any agency or company id in the token path) in the"
                        + " auth settings, and that the user is enabled on " + settings.remoteName() + ".",
                status,
                null);
    }

    private static String fieldNames(JsonNode body) {
        StringBuilder names = new StringBuilder("[");
        body.fieldNames()
                .forEachRemaining(
                        n -> names.append(names.length() > 1 ? ", " : "").append(n));
        return names.append(']').toString();
    }
}
