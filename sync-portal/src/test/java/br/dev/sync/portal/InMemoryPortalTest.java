package br.dev.sync.portal;

import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.SyncStore;

/** The Portal Postal scenarios on the reference in-memory store. */
class InMemoryPortalTest extends PortalScenarios {
    @Override
    protected SyncStore newStore(String node) {
        return new InMemorySyncStore();
    }
}
