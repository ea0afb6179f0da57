package br.dev.sync.core.internal.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/** Decoding and bounding of answer bodies, shared by Feign calls, token fetches and raw streams. Thread-safe. */
final class Bodies {
    private static final int SNIPPET_BYTES = 2048;

    private Bodies() {}

    /**
     * {@code raw} decoded when {@code contentEncoding} is gzip, and bounded to {@code limit} bytes after decoding;
     * fails at once when {@code contentLength} already exceeds the limit.
     */
    static InputStream guard(
            InputStream raw,
            String contentEncoding,
            long contentLength,
            long limit,
            Supplier<? extends RuntimeException> tooLarge)
            throws IOException {
        boolean gzip = isGzip(contentEncoding);
        if (!gzip && contentLength > limit) {
            raw.close();
            throw tooLarge.get();
        }
        InputStream decoded = gzip ? gunzipIfCompressed(raw) : raw;
        return new LimitedInputStream(decoded, limit, tooLarge);
    }

    /**
     * Decodes gzip unless the transport already did (the Feign {@code java.net.http} client decodes but keeps the
     * Content-Encoding header): only a stream that starts with the gzip magic number is decoded.
     */
    private static InputStream gunzipIfCompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        boolean compressed =
                first == (GZIPInputStream.GZIP_MAGIC & 0xff) && second == (GZIPInputStream.GZIP_MAGIC >> 8);
        return compressed ? new GZIPInputStream(in) : in;
    }

    static boolean isGzip(String contentEncoding) {
        return contentEncoding != null
                && contentEncoding.toLowerCase(Locale.ROOT).contains("gzip");
    }

    /** The first couple of kilobytes of an error answer, as text; never fails. */
    static String snippet(InputStream in) {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readNBytes(SNIPPET_BYTES), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
