package br.dev.sync.core.copy;

import java.time.Duration;
import java.util.Objects;

/**
 * What an import wrote.
 *
 * @param node the node whose checkpoints were written (the target node)
 * @param rows row lines applied (rows the store already held at the same or a newer version count too)
 * @param deletes tombstones applied
 * @param checkpoints checkpoints written for the target node
 *
 * <p>Immutable and thread-safe.
 */
public record ImportResult(
        CopyManifest manifest, String node, long rows, long deletes, int checkpoints, Duration took) {
    public ImportResult {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(took, "took");
    }
}
