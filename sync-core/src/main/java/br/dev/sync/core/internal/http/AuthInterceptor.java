package br.dev.sync.core.internal.http;

import br.dev.sync.core.http.Auth;
import br.dev.sync.core.http.HttpSettings;
import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Adds the headers every request carries: credentials, user agent, JSON and gzip negotiation. Thread-safe. */
final class AuthInterceptor implements RequestInterceptor {
    private final HttpSettings settings;
    private final TokenSource tokens;

    AuthInterceptor(HttpSettings settings, TokenSource tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    @Override
    public void apply(RequestTemplate template) {
        template.headerLiteral("User-Agent", settings.userAgent());
        if (!template.headers().containsKey("Accept")) {
            template.headerLiteral("Accept", "application/json");
        }
        if (template.body() != null && !template.headers().containsKey("Content-Type")) {
            template.headerLiteral("Content-Type", "application/json");
        }
        if (settings.gzip()) {
            template.headerLiteral("Accept-Encoding", "gzip");
        }
        Auth auth = settings.auth();
        if (auth instanceof Auth.Basic basic) {
            template.headerLiteral("Authorization", TokenSource.basicHeader(basic));
        } else if (auth instanceof Auth.ApiKey key) {
            template.headerLiteral(key.headerName(), key.value());
        } else if (auth instanceof Auth.TokenEndpoint) {
            template.headerLiteral("Authorization", "Bearer " + tokens.token());
        }
    }
}
