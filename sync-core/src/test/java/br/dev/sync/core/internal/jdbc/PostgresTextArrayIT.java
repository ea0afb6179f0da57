package br.dev.sync.core.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.core.testkit.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A {@link TextArray} reaches PostgreSQL as the driver's own {@code createArrayOf("text", ..)} does. */
class PostgresTextArrayIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.postgres();

    private static final String[] TRICKY = {
        "plain",
        "",
        null,
        "quote \" and 'apostrophe'",
        "back\\slash",
        "{braces, commas}",
        "NULL",
        "ção ü 日本 😀",
        "line\nbreak\ttab",
        "lone \uD83D surrogate",
        "\u00ff\u0100\u07ff\u0800\uffff"
    };

    /** What {@code SELECT ?::text[]} answers for {@code param}, element by element. */
    private static List<String> roundTrip(Connection c, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ?::text[]")) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Array a = rs.getArray(1);
                return Arrays.asList((String[]) a.getArray());
            }
        }
    }

    @Test
    void trickyValuesArriveAsTheDriversOwnArraySendsThem() throws SQLException {
        try (Connection c = db.connect()) {
            List<String> expected = roundTrip(c, c.createArrayOf("text", TRICKY));

            assertThat(roundTrip(c, new TextArray(TRICKY, 0, TRICKY.length))).isEqualTo(expected);
            assertThat(roundTrip(c, new TextArray(TRICKY, 3, 8))).isEqualTo(expected.subList(3, 8));
            assertThat(expected.get(2)).isNull();
            assertThat(expected.get(9)).isEqualTo("lone ? surrogate");
        }
    }

    @Test
    void theTextFormIsTheSameArray() throws SQLException {
        try (Connection c = db.connect()) {
            List<String> expected = roundTrip(c, c.createArrayOf("text", TRICKY));

            try (PreparedStatement ps = c.prepareStatement("SELECT ?::text[]")) {
                ps.setString(1, new TextArray(TRICKY, 0, TRICKY.length).getValue());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(Arrays.asList((String[]) rs.getArray(1).getArray()))
                            .isEqualTo(expected);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomTextArrivesAsSent(long seed) throws SQLException {
        Random r = new Random(seed);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            if (r.nextInt(10) == 0) {
                values.add(null);
                continue;
            }
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(40); n > 0; n--) {
                int kind = r.nextInt(4);
                b.append(
                        kind == 0
                                ? (char) (32 + r.nextInt(95))
                                : kind == 1 ? (char) (0xa0 + r.nextInt(0x2000)) : kind == 2 ? "{\"\\}" : "😀");
            }
            values.add(b.toString());
        }
        String[] array = values.toArray(String[]::new);
        try (Connection c = db.connect()) {
            assertThat(roundTrip(c, new TextArray(array, 0, array.length))).isEqualTo(values);
        }
    }
}
