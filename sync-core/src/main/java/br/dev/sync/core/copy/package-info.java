/**
 * Database copies ("gerar base"): {@link br.dev.sync.core.copy.DatabaseCopy} exports chosen streams, in full or
 * incrementally since an earlier copy, to one portable file with a manifest of checkpoints, row counts and checksums,
 * and imports it into a store to seed a new node that then carries on with incremental syncs.
 */
package br.dev.sync.core.copy;
