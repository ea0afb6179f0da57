/**
 * The HTTP toolkit every provider's transport is written with: {@link br.dev.sync.core.http.HttpSettings} to
 * describe a remote system, {@link br.dev.sync.core.http.Auth} for how it is authenticated, and
 * {@link br.dev.sync.core.http.HttpToolkit} to get a client of the provider's own annotated interface (or to run
 * any call) with a timeout, bounded retries and a circuit breaker per remote system.
 *
 * <p>Failures surface as {@link br.dev.sync.core.TransportException} (retrying will not help) or
 * {@link br.dev.sync.core.RetryableTransportException} (it may, later). Secrets given here never reach a log
 * line, an exception message or a {@code toString()}.
 */
package br.dev.sync.core.http;
