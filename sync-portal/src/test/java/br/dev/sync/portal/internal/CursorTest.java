package br.dev.sync.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void anExactCursorContinuesAfterTheLastRecordAndARewoundOneReReadsTheOverlap() {
        Cursor exact = Cursor.parse("2026-11-21T10:15:30.123|SS460209415BR");

        assertThat(exact.exact()).isTrue();
        assertThat(exact.toString()).isEqualTo("2026-11-21T10:15:30.123|SS460209415BR");
        Cursor rewound = exact.rewound(Duration.ofMinutes(2));
        assertThat(rewound.exact()).isFalse();
        assertThat(rewound.since()).isEqualTo(LocalDateTime.of(2026, 11, 21, 10, 13, 30, 123_000_000));
        assertThat(Cursor.parse(rewound.toString())).isEqualTo(rewound);
    }

    @Test
    void theQueryCarriesTheIdOnlyWhenExact() {
        Map<String, Object> q = new LinkedHashMap<>();
        Cursor.parse("2026-11-21T10:15|").addTo(q);
        assertThat(q).containsOnlyKeys("alteradoDesde").containsEntry("alteradoDesde", "2026-11-21T10:15");

        q.clear();
        Cursor.parse("2026-11-21T10:15|C00001").addTo(q);
        assertThat(q).containsEntry("aposId", "C00001");
        assertThat(Cursor.parse(null)).isNull();
    }
}
