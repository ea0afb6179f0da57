package br.dev.sync.core.memory;

import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.core.testkit.SyncStoreContract;

class InMemorySyncStoreTest extends SyncStoreContract {
    @Override
    protected SyncStore newStore() {
        return new InMemorySyncStore();
    }
}
