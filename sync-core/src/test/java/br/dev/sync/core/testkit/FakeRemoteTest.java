package br.dev.sync.core.testkit;

import br.dev.sync.core.Change;
import br.dev.sync.core.spi.SyncTransport;
import java.util.Map;
import java.util.stream.IntStream;

/** The fake remote of the engine tests passes the transport contract, so what the engine tests prove holds. */
class FakeRemoteTest extends SyncTransportContract {
    final FakeRemote remote = new FakeRemote("fake");

    @Override
    protected SyncTransport transport() {
        return remote;
    }

    @Override
    protected void seedRemote(int count) {
        remote.add(
                "items",
                IntStream.range(0, count)
                        .mapToObj(i -> Item.json("K" + i, 1, "item " + i, "1.00"))
                        .toList());
    }

    @Override
    protected String keyOf(String raw) {
        return raw.substring(raw.indexOf("\"id\":\"") + 6, raw.indexOf("\",\"version\""));
    }

    @Override
    protected String pullStream() {
        return "items";
    }

    @Override
    protected String pushStream() {
        return "sales";
    }

    @Override
    protected Change localChange(int i) {
        return Change.upsert("sales", "S" + i, 1, Map.of("total", i), "node-a");
    }

    @Override
    protected long remoteCount() {
        return remote.pushed("sales").size();
    }
}
