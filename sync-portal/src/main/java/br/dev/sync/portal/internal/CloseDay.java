package br.dev.sync.portal.internal;

import br.dev.sync.core.StepAction;
import br.dev.sync.core.StepContext;
import br.dev.sync.core.spi.Gate;
import br.dev.sync.core.spi.GateContext;
import br.dev.sync.core.spi.Marker;
import br.dev.sync.portal.PortalStreams;
import br.dev.sync.portal.model.RemoteSale;
import java.time.LocalDate;
import java.util.List;

/** An outpost closes a day on the portal, declaring how many of its sales of that day it holds. */
public final class CloseDay implements StepAction {
    public static final String MARKER = "remote-sales-day-closed";
    private final PortalTransport transport;
    private final String outpost;
    private final LocalDate day;

    public CloseDay(PortalTransport transport, String outpost, LocalDate day) {
        this.transport = transport;
        this.outpost = outpost;
        this.day = day;
    }

    @Override
    public void run(StepContext context) {
        int[] sales = {0};
        context.store().scan(PortalStreams.REMOTE_SALES.name(), r -> {
            RemoteSale s = Records.read(r.fields(), RemoteSale.class);
            if (outpost.equals(s.outpost()) && day.equals(s.date())) {
                sales[0]++;
            }
        });
        Wire.Fechamento closed = transport.closeDay(outpost, day, sales[0]);
        context.store()
                .putMarker(new Marker(
                        MARKER,
                        outpost + "/" + day,
                        String.valueOf(closed.quantidade()),
                        context.clock().instant()));
        context.pushed(1);
    }

    /** Refuses the close while sales wait in the outbox. */
    public static Gate nothingPending() {
        return new Gate() {
            @Override
            public String name() {
                return "remote sales sent";
            }

            @Override
            public List<String> missing(GateContext context) {
                long pending = context.store().pendingCount(PortalStreams.REMOTE_SALES.name());
                return pending == 0
                        ? List.of()
                        : List.of(pending + " remote sales still wait to go up; run the send again before closing");
            }
        };
    }
}
