package br.dev.sync.portal.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The position of a list: "2026-11-21T10:15:30.123|SS123456785BR" is exact (after that record); "2026-11-21T10:13:30.123|"
 * is rewound (everything updated at or after that time). Pages inside a run continue exactly; at the end of a run
 * the cursor is rewound by the overlap, so the next run re-reads it: the portal's timestamps are not unique and a
 * record may be committed with a time just before the last one seen. The engine absorbs the repeats by version.
 */
public record Cursor(LocalDateTime since, String afterId) {
    public static Cursor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int bar = text.indexOf('|');
        String id = bar < 0 ? "" : text.substring(bar + 1);
        return new Cursor(LocalDateTime.parse(bar < 0 ? text : text.substring(0, bar)), id.isEmpty() ? null : id);
    }

    public boolean exact() {
        return afterId != null;
    }

    public Cursor rewound(Duration overlap) {
        return new Cursor(since.minus(overlap), null);
    }

    public void addTo(Map<String, Object> query) {
        query.put("alteradoDesde", since.toString());
        if (afterId != null) {
            query.put("aposId", afterId);
        }
    }

    @Override
    public String toString() {
        return since + "|" + (afterId == null ? "" : afterId);
    }
}
