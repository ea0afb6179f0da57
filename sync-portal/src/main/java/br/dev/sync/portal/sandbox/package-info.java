/**
 * An in-process Portal Postal server that implements the contract ({@code docs/contracts/portal-postal.yaml}) on
 * 127.0.0.1 with a random port: seeded realistic data, remote-sales queues, idempotent uploads by batch id, and
 * switches that inject faults. For tests, examples and trying the SDK without a portal.
 */
package br.dev.sync.portal.sandbox;
