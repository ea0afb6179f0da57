package br.dev.sync.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonStringsTest {
    record Address(String street, String cep, Integer number) {}

    record Party(String name, String document, Address address, List<String> phones) {}

    static Stream<Long> seeds() {
        return new Random(7_2026_12_02L).longs(300).boxed();
    }

    /** Every value, written one after another on one thread, reads exactly as writeValueAsString writes it. */
    @ParameterizedTest
    @MethodSource("seeds")
    void writesWhatTheMapperWrites(long seed) throws Exception {
        Random random = new Random(seed);
        for (int i = 0; i < 20; i++) {
            Object value = value(random, 0);
            assertThat(JsonStrings.write(value)).isEqualTo(Json.mapper().writeValueAsString(value));
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehindForTheNext() throws Exception {
        Party before = new Party("Ana", "1", null, List.of());
        assertThat(JsonStrings.write(before)).isEqualTo(Json.mapper().writeValueAsString(before));

        assertThatThrownBy(() -> JsonStrings.write(Map.of("party", before, "broken", new Broken())))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("no value today");

        Party after = new Party("Bia", "2", new Address("Rua \"A\" ç", "01001-000", 7), List.of("11 9"));
        assertThat(JsonStrings.write(after))
                .isEqualTo(Json.mapper().writeValueAsString(after))
                .startsWith("{\"name\":\"Bia\"");
    }

    @Test
    void aLargeValueIsWrittenWholeAndTheNextOneAlone() throws Exception {
        List<String> large = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            large.add("item-" + i);
        }
        assertThat(JsonStrings.write(large)).isEqualTo(Json.mapper().writeValueAsString(large));
        assertThat(JsonStrings.write(List.of(1, 2))).isEqualTo("[1,2]");
    }

    @Test
    void aWriteFromInsideAWriteGetsAGeneratorOfItsOwn() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("outer", new SelfWriting(new Party("Ana", "1", null, List.of("x"))));
        value.put("after", 3);

        assertThat(JsonStrings.write(value))
                .isEqualTo(Json.mapper().writeValueAsString(value))
                .isEqualTo("{\"outer\":\"{\\\"name\\\":\\\"Ana\\\",\\\"document\\\":\\\"1\\\","
                        + "\\\"address\\\":null,\\\"phones\\\":[\\\"x\\\"]}\",\"after\":3}");
    }

    @Test
    void threadsDoNotShareText() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String[]>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                runs.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    List<String[]> pairs = new ArrayList<>();
                    for (int i = 0; i < 2_000; i++) {
                        Object value = value(random, 0);
                        pairs.add(new String[] {
                            JsonStrings.write(value), Json.mapper().writeValueAsString(value)
                        });
                    }
                    return pairs;
                }));
            }
            for (Future<List<String[]>> run : runs) {
                for (String[] pair : run.get()) {
                    assertThat(pair[0]).isEqualTo(pair[1]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A value whose serializer fails half-way through the object holding it. */
    @JsonSerialize(using = BrokenSerializer.class)
    static final class Broken {}

    static final class BrokenSerializer extends StdSerializer<Broken> {
        BrokenSerializer() {
            super(Broken.class);
        }

        @Override
        public void serialize(Broken value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeFieldName("half");
            throw JsonMappingException.from(gen, "no value today");
        }
    }

    /** A value whose serializer writes its content as JSON text of its own, through JsonStrings. */
    @JsonSerialize(using = SelfWritingSerializer.class)
    record SelfWriting(Object content) {}

    static final class SelfWritingSerializer extends StdSerializer<SelfWriting> {
        SelfWritingSerializer() {
            super(SelfWriting.class);
        }

        @Override
        public void serialize(SelfWriting value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            try {
                gen.writeString(JsonStrings.write(value.content()));
            } catch (JsonProcessingException e) {
                throw new IOException(e);
            }
        }
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 6 : 10);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextLong();
            case 2 -> text(random);
            case 3 -> random.nextBoolean();
            case 4 -> Instant.ofEpochMilli(random.nextLong() >>> 24);
            case 5 -> new BigDecimal(random.nextInt(1_000_000)).movePointLeft(random.nextInt(4));
            case 6 ->
                new Party(
                        text(random),
                        random.nextBoolean() ? null : text(random),
                        random.nextBoolean()
                                ? null
                                : new Address(text(random), "0" + random.nextInt(9_999_999), random.nextInt(999)),
                        List.of(text(random), text(random)));
            case 7 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
            case 8 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(text(random), value(random, depth + 1));
                }
                yield map;
            }
            default -> LocalDate.ofEpochDay(random.nextInt(40_000));
        };
    }

    /** Text with quotes, backslashes, control characters, accents and characters outside the BMP. */
    private static String text(Random random) {
        String alphabet = "abcXYZ 09\"\\\n\t\u0001çãé€\uD83D\uDE00/<>&'";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c)) {
                s.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }
}
