package br.dev.sync.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.Window;
import br.dev.sync.core.memory.InMemorySyncStore;
import br.dev.sync.core.spi.ApplyBatch;
import br.dev.sync.core.spi.GateContext;
import br.dev.sync.core.spi.Marker;
import br.dev.sync.portal.PortalStreams;
import br.dev.sync.portal.model.Outpost;
import br.dev.sync.portal.model.RemoteSale;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutpostsClosedGateTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 21);
    private static final Instant AT = Instant.parse("2026-11-21T20:00:00Z");
    private final InMemorySyncStore store = new InMemorySyncStore();
    private final OutpostsClosedGate gate = new OutpostsClosedGate(D);

    private List<String> missing() {
        return gate.missing(new GateContext(store, "head-office", Window.SINCE_CHECKPOINT, Clock.systemUTC()));
    }

    private void register(String code, boolean active) {
        store.apply(ApplyBatch.of(
                "outposts",
                List.of(PortalStreams.change(
                        PortalStreams.OUTPOSTS, new Outpost(code, "POSTO " + code, null, active, AT), "portal"))));
    }

    private void sale(String outpost, String id) {
        store.apply(ApplyBatch.of(
                "remote-sales",
                List.of(PortalStreams.change(
                        PortalStreams.REMOTE_SALES,
                        new RemoteSale(outpost, id, D, "C00001", "SS460209415BR", "03220", 300, BigDecimal.TEN, AT),
                        "portal"))));
    }

    @Test
    void namesEveryOutpostThatHasNotClosedAndEveryOneWhoseSalesAreNotAllHere() {
        register("0001", true);
        register("0002", true);
        register("0005", true);
        register("0009", false);
        store.putMarker(new Marker(ReceiveCloses.MARKER, "0001/" + D, "2", AT));
        sale("0001", "V1");

        assertThat(missing())
                .containsExactly(
                        "outposts 0002 and 0005 have not sent their sales for 2026-11-21 (no close received);"
                                + " receive the remote sales after they send and close the day",
                        "outpost 0001 closed 2026-11-21 with 2 sales but 1 are applied here;"
                                + " receive the remote sales again");

        sale("0001", "V2");
        store.putMarker(new Marker(ReceiveCloses.MARKER, "0002/" + D, "0", AT));
        store.putMarker(new Marker(ReceiveCloses.MARKER, "0005/" + D, "0", AT));
        assertThat(missing()).isEmpty();
    }
}
