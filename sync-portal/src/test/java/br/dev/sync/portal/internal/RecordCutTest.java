package br.dev.sync.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.internal.json.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RecordCut} against Jackson's own reading of the same pages, the way the records were cut before it: for
 * every page, valid or broken, both give the same records or both refuse the page.
 */
class RecordCutTest {
    private static final ObjectMapper JSON = Json.create(12, 2_000);

    /** The records as Jackson's tokens find them (as a lenient parser still cuts them): the reference. */
    static List<String> byJackson(ObjectMapper mapper, String page) throws IOException {
        char[] text = page.toCharArray();
        List<String> records = null;
        try (JsonParser p = mapper.getFactory().createParser(text, 0, text.length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("itens") || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                records = RawPage.parsed(p, text);
            }
        }
        return records;
    }

    /** What {@link RawPage} reads, or the refusal's type. */
    static Object outcome(ObjectMapper mapper, String page) {
        try {
            return mapper.readValue(page, Wire.Lista.class).itens();
        } catch (JsonProcessingException e) {
            return "refused";
        }
    }

    static Object reference(ObjectMapper mapper, String page) {
        try {
            List<String> records = byJackson(mapper, page);
            return records;
        } catch (IOException e) {
            return "refused";
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 4L})
    void seededRandomPagesAreCutAsJacksonCutsThem(long seed) {
        Random random = new Random(seed);
        int refused = 0;
        for (int n = 0; n < 1_500; n++) {
            String page = page(random, 1 + random.nextInt(6));

            Object read = outcome(JSON, page);

            assertThat(read)
                    .as("page %s", page)
                    .isEqualTo(reference(JSON, page))
                    .isInstanceOf(List.class);
            refused += read instanceof List ? 0 : 1;
        }
        assertThat(refused).isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {11L, 12L, 13L, 14L})
    void seededRandomPagesWithOneBrokenCharacterAreRefusedOrCutAsJacksonDoes(long seed) {
        Random random = new Random(seed);
        int refused = 0;
        int cut = 0;
        for (int n = 0; n < 5_000; n++) {
            String page = mutate(random, page(random, 1 + random.nextInt(4)));

            Object read = outcome(JSON, page);

            assertThat(read).as("page %s", shown(page)).isEqualTo(reference(JSON, page));
            if (read instanceof List) {
                cut++;
            } else {
                refused++;
            }
        }
        // both outcomes are met often enough for the comparison to mean something
        assertThat(refused).isGreaterThan(2_000);
        assertThat(cut).isGreaterThan(300);
    }

    @Test
    void theNestingLimitAndTheNumberLengthLimitHoldAsInJackson() {
        ObjectMapper shallow = Json.create(5, 2_000);
        // the page is at depth 1, the array at 2: a record may open three more levels, not four
        String three = "{\"itens\":[{\"a\":[{\"b\":1}]}]}";
        String four = "{\"itens\":[{\"a\":[{\"b\":[1]}]}]}";
        assertThat(outcome(shallow, three)).isEqualTo(reference(shallow, three)).isInstanceOf(List.class);
        assertThat(outcome(shallow, four)).isEqualTo(reference(shallow, four)).isEqualTo("refused");

        String digits = "9".repeat(1_001);
        for (String number : List.of(digits, "-" + digits, "1." + digits, "1e" + digits, "9".repeat(1_000))) {
            String page = "{\"itens\":[{\"n\":" + number + "}]}";
            assertThat(outcome(JSON, page)).as(number).isEqualTo(reference(JSON, page));
        }
        assertThat(outcome(JSON, "{\"itens\":[{\"n\":" + digits + "}]}")).isEqualTo("refused");
    }

    @Test
    void errorsSayWhereThePageStopsBeingJson() {
        assertThatThrownBy(() -> JSON.readValue("{\"itens\":[{\"a\":1},{\"b\":tru}]}", Wire.Lista.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("not JSON at character 26")
                .hasMessageContaining("expected 'true'");
        assertThatThrownBy(() -> JSON.readValue("{\"itens\":[{\"a\":\"x\\q\"}]}", Wire.Lista.class))
                .hasMessageContaining("'\\q' is not a JSON escape");
        assertThatThrownBy(() -> JSON.readValue("{\"itens\":[{\"a\":1}", Wire.Lista.class))
                .hasMessageContaining("the page ends at character 17 inside its records");
        assertThatThrownBy(() -> JSON.readValue("{\"itens\":[],}", Wire.Lista.class))
                .hasMessageContaining("expected another field after the comma at character 11");
    }

    @Test
    void fieldsAfterTheRecordsAreStillReadAndASecondArrayOfRecordsReplacesTheFirst() throws Exception {
        String pagina = "{\"limite\":2,\"quantidade\":2,\"total\":5,\"temMais\":true,\"proximo\":null}";
        String page = "{\"itens\":[{\"a\":1}] , \"extra\":[1,{\"x\":\"]\"}],\"pagina\":" + pagina
                + ",\"itens\":[ {\"b\":2} ,null]}";

        Wire.Lista read = JSON.readValue(page, Wire.Lista.class);

        assertThat(read.itens()).containsExactly("{\"b\":2}", null);
        assertThat(read.pagina().total()).isEqualTo(5);
    }

    @Test
    void aParserThatAcceptsMoreThanJsonCutsWithItsOwnTokens() throws Exception {
        ObjectMapper lenient = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
                .build();
        String page = "{\"itens\":[{\"a\":1 /* one */},{\"b\":[2,]},],\"pagina\":null}";

        assertThat(lenient.readValue(page, Wire.Lista.class).itens())
                .containsExactly("{\"a\":1 /* one */}", "{\"b\":[2,]}");
        assertThat(outcome(JSON, page)).isEqualTo("refused");
    }

    /** The page with its control characters as escapes, so that a failure's report shows it whole. */
    static String shown(String page) {
        StringBuilder b = new StringBuilder();
        page.chars().forEach(c -> b.append(c < ' ' || c > '~' ? String.format("<%x>", c) : String.valueOf((char) c)));
        return b.toString();
    }

    // ---- seeded random JSON

    static String page(Random r, int records) {
        StringBuilder b = new StringBuilder("{");
        if (r.nextBoolean()) {
            b.append("\"pagina\":null,");
        }
        b.append("\"itens\"").append(space(r)).append(':').append(space(r)).append('[');
        for (int i = 0; i < records; i++) {
            if (i > 0) {
                b.append(space(r)).append(',');
            }
            b.append(space(r));
            if (r.nextInt(10) == 0) {
                value(r, b, 3);
            } else {
                object(r, b, 1 + r.nextInt(4));
            }
        }
        b.append(space(r)).append(']');
        if (r.nextBoolean()) {
            b.append(",\"extra\":");
            value(r, b, 2);
        }
        return b.append('}').toString();
    }

    private static void object(Random r, StringBuilder b, int depth) {
        b.append('{');
        int fields = r.nextInt(5);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(space(r));
            string(r, b);
            b.append(space(r)).append(':').append(space(r));
            value(r, b, depth - 1);
            b.append(space(r));
        }
        b.append('}');
    }

    private static void value(Random r, StringBuilder b, int depth) {
        int kind = r.nextInt(depth > 0 ? 8 : 6);
        switch (kind) {
            case 0, 1 -> string(r, b);
            case 2 -> number(r, b);
            case 3 -> b.append("true");
            case 4 -> b.append(r.nextBoolean() ? "false" : "null");
            case 5 -> number(r, b);
            case 6 -> object(r, b, depth);
            default -> {
                b.append('[');
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    b.append(space(r));
                    value(r, b, depth - 1);
                }
                b.append(space(r)).append(']');
            }
        }
    }

    private static final String[] ESCAPES = {
        "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e7", "\\uD83D\\uDE00", "\\u0041"
    };
    private static final String PLAIN = "abcXYZ 019 çãé{}[]:,😀'";

    private static void string(Random r, StringBuilder b) {
        b.append('"');
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(4) == 0) {
                b.append(ESCAPES[r.nextInt(ESCAPES.length)]);
            } else {
                b.append(PLAIN.charAt(r.nextInt(PLAIN.length())));
            }
        }
        b.append('"');
    }

    private static void number(Random r, StringBuilder b) {
        if (r.nextBoolean()) {
            b.append('-');
        }
        b.append(r.nextInt(4) == 0 ? "0" : Integer.toString(1 + r.nextInt(100_000)));
        if (r.nextBoolean()) {
            b.append('.').append(r.nextInt(1_000));
        }
        if (r.nextInt(3) == 0) {
            b.append(r.nextBoolean() ? 'e' : 'E');
            if (r.nextBoolean()) {
                b.append(r.nextBoolean() ? '+' : '-');
            }
            b.append(r.nextInt(300));
        }
    }

    private static String space(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> " ";
            case 1 -> "\n\t ";
            case 2 -> "\r\n";
            default -> "";
        };
    }

    private static final String BREAKERS = "{}[]\",:\\ 0123456789.eE+-tfnulrsa/\u0001\u001f\u00a0x'#";

    /** The page with one character deleted, inserted, doubled or replaced, inside its records most of the time. */
    static String mutate(Random r, String page) {
        int from = page.indexOf('[');
        int to = page.lastIndexOf(']');
        int at = r.nextInt(10) == 0 ? r.nextInt(page.length()) : from + 1 + r.nextInt(Math.max(1, to - from));
        at = Math.min(at, page.length() - 1);
        char c = BREAKERS.charAt(r.nextInt(BREAKERS.length()));
        return switch (r.nextInt(4)) {
            case 0 -> page.substring(0, at) + page.substring(at + 1);
            case 1 -> page.substring(0, at) + c + page.substring(at);
            case 2 -> page.substring(0, at) + page.charAt(at) + page.substring(at);
            default -> page.substring(0, at) + c + page.substring(at + 1);
        };
    }
}
