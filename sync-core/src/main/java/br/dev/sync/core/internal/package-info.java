/**
 * Implementation details of the SDK. Nothing here carries a compatibility promise: types may change or vanish in
 * any release. Use the public API in {@code br.dev.sync.core} and the extension points in
 * {@code br.dev.sync.core.spi}.
 */
package br.dev.sync.core.internal;
