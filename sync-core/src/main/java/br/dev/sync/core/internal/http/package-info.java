/**
 * The Feign side of the HTTP toolkit: client assembly, status mapping, authentication, size limits and redacting
 * logs. Implementation detail with no compatibility promise: types may change or vanish in any release. Use
 * {@code br.dev.sync.core.http}.
 */
package br.dev.sync.core.internal.http;
