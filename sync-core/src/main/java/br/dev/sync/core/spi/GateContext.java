package br.dev.sync.core.spi;

import br.dev.sync.core.Window;
import java.time.Clock;

/**
 * What a gate may look at: the store (markers, checkpoints, records), the node, the run's window and clock.
 *
 * <p>Immutable and thread-safe.
 */
public record GateContext(SyncStore store, String node, Window window, Clock clock) {}
