package br.dev.sync.core.internal.http;

import br.dev.sync.core.SyncException;
import br.dev.sync.core.http.HttpSettings;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Decodes with the JSON decoder and reports an answer it cannot read (broken JSON, nesting deeper than allowed,
 * wrong shape) as a non-retryable {@link br.dev.sync.core.TransportException} naming the call. Thread-safe.
 */
final class SafeDecoder implements Decoder {
    private final Decoder delegate;
    private final HttpSettings settings;

    SafeDecoder(Decoder delegate, HttpSettings settings) {
        this.delegate = delegate;
        this.settings = settings;
    }

    @Override
    public Object decode(Response response, Type type) {
        try {
            return delegate.decode(response, type);
        } catch (SyncException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            SyncException inside = Failures.findSync(e);
            if (inside != null) {
                throw inside;
            }
            IOException cut = transportFailure(e);
            if (cut != null) {
                // the connection broke while the body was read: the same call may well pass on a later try
                throw HttpFailures.forIo(
                        settings.remoteName(),
                        response.request().httpMethod().name(),
                        response.request().url(),
                        cut);
            }
            throw HttpFailures.unreadable(
                    settings.remoteName(),
                    response.request().httpMethod().name(),
                    response.request().url(),
                    e);
        }
    }

    /** The I/O failure of the connection in the cause chain (not a JSON parse error), if there is one. */
    static IOException transportFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io && !(c instanceof com.fasterxml.jackson.core.JacksonException)) {
                return io;
            }
        }
        return null;
    }
}
