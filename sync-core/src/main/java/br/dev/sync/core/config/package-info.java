/**
 * The ERP's "Sincronismo" configuration: {@link br.dev.sync.core.config.SyncConfiguration}, validated as a whole and
 * loadable from {@code .properties} and YAML files.
 */
package br.dev.sync.core.config;
