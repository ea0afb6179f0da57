/**
 * How the SDK's retry and circuit-breaker settings map onto Failsafe policies, for HTTP calls and any other remote
 * or store call. Implementation detail with no compatibility promise: types may change or vanish in any release.
 */
package br.dev.sync.core.internal.resilience;
