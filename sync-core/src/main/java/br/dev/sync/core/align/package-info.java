/**
 * Aligning a stream to its origin ("alinhar estoque"): {@link br.dev.sync.core.align.Align} builds a task step that
 * overwrites local rows with the origin's, deletes rows the origin does not have, and reports every difference.
 */
package br.dev.sync.core.align;
