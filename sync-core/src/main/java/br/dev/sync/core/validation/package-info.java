/**
 * Checks for Brazilian identifiers (tracking code, CPF, CNPJ, CEP, NF-e key): pure functions in
 * {@link br.dev.sync.core.validation.BrazilianIds} and the matching Jakarta Validation constraints. A record that
 * fails them is quarantined with the reason, never applied.
 */
package br.dev.sync.core.validation;
