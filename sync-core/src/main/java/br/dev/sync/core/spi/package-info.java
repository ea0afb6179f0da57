/**
 * The extension points: what integrators implement to plug in their own store, transport, conflict rule, gate or
 * listener. {@link br.dev.sync.core.spi.SyncStore} and {@link br.dev.sync.core.spi.SyncTransport} come with
 * contract test suites in sync-core's test-jar that define a correct implementation.
 */
package br.dev.sync.core.spi;
