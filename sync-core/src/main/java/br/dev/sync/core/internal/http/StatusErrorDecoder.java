package br.dev.sync.core.internal.http;

import br.dev.sync.core.http.HttpSettings;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;

/** Maps a non-2xx answer onto the SDK's exceptions through {@link HttpFailures}. Thread-safe. */
final class StatusErrorDecoder implements ErrorDecoder {
    private final HttpSettings settings;
    private final Secrets secrets;

    StatusErrorDecoder(HttpSettings settings, Secrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        String detail = "";
        if (response.body() != null) {
            try {
                detail = secrets.scrub(Bodies.snippet(response.body().asInputStream()));
            } catch (IOException | RuntimeException unreadable) {
                detail = "";
            }
        }
        return HttpFailures.forStatus(
                settings.remoteName(),
                response.request().httpMethod().name(),
                response.request().url(),
                response.status(),
                GuardedClient.first(response.headers(), "Retry-After"),
                detail);
    }
}
