package br.dev.sync.core.internal.http;

import feign.slf4j.Slf4jLogger;

/**
 * Feign's request log on SLF4J (at DEBUG) with secrets taken out: the values of credential headers (Authorization,
 * cookies, the API key header) are masked, and every line is scrubbed of the known secret values and of
 * secret-looking query parameters. Thread-safe.
 */
final class RedactingLogger extends Slf4jLogger {
    private static final String HEADER_LINE = "%s: %s";

    private final Secrets secrets;

    RedactingLogger(Class<?> api, Secrets secrets) {
        super(api);
        this.secrets = secrets;
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        Object[] shown = args.clone();
        if (HEADER_LINE.equals(format) && shown.length == 2 && secrets.isSecretHeader(String.valueOf(shown[0]))) {
            shown[1] = Secrets.MASK;
        }
        String line = secrets.scrub(String.format(format, shown));
        super.log(configKey, "%s", line);
    }
}
