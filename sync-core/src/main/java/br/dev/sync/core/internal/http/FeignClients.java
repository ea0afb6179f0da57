package br.dev.sync.core.internal.http;

import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.lang.reflect.Proxy;

/**
 * Builds a Feign client of a provider's annotated interface on the {@code java.net.http} client, with Jackson,
 * no Feign retries (Failsafe is the only retry layer), the SDK's status mapping and a redacting request log, and
 * wraps it so every call runs under the remote's policies. Stateless and thread-safe.
 */
public final class FeignClients {
    private FeignClients() {}

    public static <T> T create(Class<T> api, HttpRuntime runtime) {
        var settings = runtime.settings();
        Request.Options options = new Request.Options(settings.connectTimeout(), settings.requestTimeout(), true);
        T feign = Feign.builder()
                .client(new GuardedClient(new Http2Client(runtime.http()), settings))
                .options(options)
                .encoder(new JacksonEncoder(runtime.mapper()))
                .decoder(new SafeDecoder(new JacksonDecoder(runtime.mapper()), settings))
                .errorDecoder(new StatusErrorDecoder(settings, runtime.secrets()))
                .retryer(Retryer.NEVER_RETRY)
                .requestInterceptor(new AuthInterceptor(settings, runtime.tokens()))
                .logger(new RedactingLogger(api, runtime.secrets()))
                .logLevel(requestLogLevel(api))
                .target(api, settings.baseUrl().toString());
        Object proxy = Proxy.newProxyInstance(
                api.getClassLoader(), new Class<?>[] {api}, new ResilientInvocationHandler(feign, api, runtime));
        return api.cast(proxy);
    }

    /**
     * The full request log (redacted) only when its logger is at DEBUG: Feign builds and scrubs the whole body of
     * every page for it, which cost over a third of the fetching threads' time on large pages with the log off.
     */
    static Logger.Level requestLogLevel(Class<?> api) {
        return org.slf4j.LoggerFactory.getLogger(api).isDebugEnabled() ? Logger.Level.FULL : Logger.Level.NONE;
    }
}
