/**
 * The Portal Postal records as the SDK applies them: Java records in English with the Portuguese term in each
 * Javadoc, validated with Jakarta constraints (tracking codes, CPF, CNPJ numeric or alphanumeric, CEP, NF-e keys).
 * A record that fails its constraints is quarantined with the failing field and value, never applied.
 *
 * <p>Every record here is immutable and thread-safe.
 */
package br.dev.sync.portal.model;
