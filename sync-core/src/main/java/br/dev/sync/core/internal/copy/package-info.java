/** The database copy's file format, writer, reader and importer. No compatibility promise: see {@link br.dev.sync.core.internal}. */
package br.dev.sync.core.internal.copy;
