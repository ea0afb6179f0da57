package br.dev.sync.core.spi;

import java.util.List;

/**
 * What a store did with a batch: how many changes it wrote and how many it skipped because the stored version was
 * the same or newer, and the ids it gave the quarantine entries (in the batch's order).
 *
 * <p>Immutable and thread-safe.
 */
public record ApplyResult(int applied, int unchanged, List<Long> quarantineIds) {
    public ApplyResult {
        quarantineIds = List.copyOf(quarantineIds);
    }
}
