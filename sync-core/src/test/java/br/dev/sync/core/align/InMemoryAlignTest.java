package br.dev.sync.core.align;

import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.SyncStore;

class InMemoryAlignTest extends AlignContract {
    @Override
    SyncStore newStore() {
        return new InMemorySyncStore();
    }
}
