package br.dev.sync.core.internal.http;

import br.dev.sync.core.RetryableTransportException;
import br.dev.sync.core.SyncException;
import br.dev.sync.core.TransportException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns what a remote system answered (or failed to) into the SDK's exceptions, with messages that name the
 * remote system, the method and path (never the query string) and what to do. Stateless and thread-safe.
 */
public final class HttpFailures {
    private static final int MAX_DETAIL_CHARS = 300;

    private HttpFailures() {}

    /**
     * The exception for a non-2xx answer: 5xx, 408 and 429 are retryable (with {@code retryAfterHeader} honoured),
     * anything else is not. {@code detail} is the start of the answer's body, already scrubbed of secrets.
     */
    public static SyncException forStatus(
            String remote, String method, String url, int status, String retryAfterHeader, String detail) {
        String call = method + " " + pathOf(url);
        String said = detail == null || detail.isBlank() ? "" : " It said: " + shorten(detail) + ".";
        if (status >= 500 || status == 408 || status == 429) {
            Duration retryAfter = parseRetryAfter(retryAfterHeader, Instant.now());
            String wait = retryAfter == null ? "" : " It asked to wait " + retryAfter.toSeconds() + " s.";
            String what = status == 429
                    ? "is limiting the rate of calls"
                    : status == 408 ? "timed out on its side" : "failed on its side";
            return new RetryableTransportException(
                    remote + " answered " + status + " to " + call + ": it " + what + "." + wait + said
                            + " The call is tried again within the retry settings; if this persists, check the state of "
                            + remote + ".",
                    status,
                    null,
                    retryAfter);
        }
        return new TransportException(
                remote + " answered " + status + " to " + call + ": " + advice(status, remote) + said, status, null);
    }

    private static String advice(int status, String remote) {
        return switch (status) {
            case 401 ->
                "it refused the credentials. Check the user, password, key or token settings for " + remote + ".";
            case 403 ->
                "the credentials are valid but not allowed to do this. Ask the " + remote
                        + " administrator for the permission.";
            case 404 -> "nothing there. Check the baseUrl setting and that " + remote + " offers this path.";
            case 409, 412 -> "it refused the change as conflicting with its current state. Re-read and try again.";
            default -> "it refused the request, so sending it again will not help. Check the data sent.";
        };
    }

    /** An I/O failure or a timeout: retryable, status -1. */
    public static RetryableTransportException forIo(String remote, String method, String url, IOException e) {
        String what = e instanceof HttpTimeoutException
                ? "did not answer in time"
                : "could not be reached (" + e.getClass().getSimpleName() + ")";
        return new RetryableTransportException(
                remote + " " + what + " for " + method + " " + pathOf(url)
                        + ". The call is tried again within the retry settings; check the network, the baseUrl "
                        + "setting and that " + remote + " is up.",
                -1,
                e,
                null);
    }

    /** An answer larger than the limit: not retryable. */
    public static TransportException tooLarge(String remote, String method, String url, long limit) {
        return new TransportException(
                "The answer of " + remote + " to " + method + " " + pathOf(url) + " is larger than the limit of "
                        + limit + " bytes (maxResponseBytes). Ask for smaller pages or raise maxResponseBytes.",
                -1,
                null);
    }

    /** An answer that could not be read as expected (broken JSON, nested too deep, wrong shape): not retryable. */
    public static TransportException unreadable(String remote, String method, String url, Throwable cause) {
        String reason = cause == null || cause.getMessage() == null
                ? ""
                : ": " + shorten(cause.getMessage().lines().findFirst().orElse(""));
        return new TransportException(
                "The answer of " + remote + " to " + method + " " + pathOf(url) + " could not be read" + reason
                        + ". The answer is broken or not what this SDK version expects; check the API version of "
                        + remote + ".",
                -1,
                null);
    }

    /** The path of a URL, without scheme, host or query string. */
    public static String pathOf(String url) {
        String rest = url;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            int slash = rest.indexOf('/', scheme + 3);
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        int cut = indexOfAny(rest, '?', '#');
        return cut < 0 ? rest : rest.substring(0, cut);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable, never negative. */
    public static Duration parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_DETAIL_CHARS ? oneLine : oneLine.substring(0, MAX_DETAIL_CHARS) + "...";
    }
}
