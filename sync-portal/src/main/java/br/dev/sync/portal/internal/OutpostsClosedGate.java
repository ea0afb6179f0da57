package br.dev.sync.portal.internal;

import br.dev.sync.core.spi.Gate;
import br.dev.sync.core.spi.GateContext;
import br.dev.sync.core.spi.SyncStore;
import br.dev.sync.portal.PortalStreams;
import br.dev.sync.portal.model.Outpost;
import br.dev.sync.portal.model.RemoteSale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * "Every registered outpost has closed D and its sales are applied": the registered outposts are the active ones
 * of the outposts stream in the store; each needs its close marker for D and at least as many sales of D applied
 * as it declared.
 */
public final class OutpostsClosedGate implements Gate {
    private final LocalDate day;

    public OutpostsClosedGate(LocalDate day) {
        this.day = day;
    }

    @Override
    public String name() {
        return "outposts closed " + day;
    }

    @Override
    public List<String> missing(GateContext context) {
        SyncStore store = context.store();
        List<String> outposts = registered(store);
        Map<String, Integer> applied = new HashMap<>();
        store.scan(PortalStreams.REMOTE_SALES.name(), r -> {
            RemoteSale s = Records.read(r.fields(), RemoteSale.class);
            if (day.equals(s.date())) {
                applied.merge(s.outpost(), 1, Integer::sum);
            }
        });
        List<String> notClosed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String outpost : outposts) {
            var marker = store.marker(ReceiveCloses.MARKER, outpost + "/" + day);
            if (marker.isEmpty()) {
                notClosed.add(outpost);
                continue;
            }
            int declared = Integer.parseInt(marker.get().value());
            int here = applied.getOrDefault(outpost, 0);
            if (here < declared) {
                problems.add("outpost " + outpost + " closed " + day + " with " + declared + " sales but " + here
                        + " are applied here; receive the remote sales again");
            }
        }
        if (!notClosed.isEmpty()) {
            boolean one = notClosed.size() == 1;
            problems.add(
                    0,
                    (one ? "outpost " : "outposts ") + join(notClosed) + (one ? " has" : " have") + " not sent "
                            + (one ? "its" : "their") + " sales for " + day
                            + " (no close received); receive the remote sales after they send and close the day");
        }
        return problems;
    }

    /** The active outposts of the outposts stream in the store, in code order. */
    public static List<String> registered(SyncStore store) {
        TreeSet<String> outposts = new TreeSet<>();
        store.scan(PortalStreams.OUTPOSTS.name(), r -> {
            Outpost o = Records.read(r.fields(), Outpost.class);
            if (o.active()) {
                outposts.add(o.code());
            }
        });
        return List.copyOf(outposts);
    }

    private static String join(List<String> codes) {
        if (codes.size() == 1) {
            return codes.get(0);
        }
        return String.join(", ", codes.subList(0, codes.size() - 1)) + " and " + codes.get(codes.size() - 1);
    }
}
