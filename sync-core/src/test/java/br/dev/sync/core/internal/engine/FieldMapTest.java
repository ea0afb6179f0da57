package br.dev.sync.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldMapTest {
    /** Seeded random field sets: names of random length and case, values of every kind the engine makes, nulls too. */
    static Stream<Long> seeds() {
        return new Random(20261202).longs(200).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void answersAsALinkedHashMapOfTheSameEntries(long seed) {
        Random random = new Random(seed);
        LinkedHashMap<String, Object> expected = new LinkedHashMap<>();
        int n = random.nextInt(30);
        while (expected.size() < n) {
            expected.put(name(random), value(random));
        }
        FieldMap actual = FieldMap.Names.of(expected.keySet().toArray(String[]::new))
                .map(expected.values().toArray());

        assertThat(actual).isEqualTo(expected);
        assertThat(expected).isEqualTo(actual);
        assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertThat(actual.size()).isEqualTo(n);
        assertThat(actual.isEmpty()).isEqualTo(n == 0);
        assertThat(new ArrayList<>(actual.keySet())).containsExactlyElementsOf(expected.keySet());
        assertThat(new ArrayList<>(actual.values())).containsExactlyElementsOf(expected.values());
        assertThat(new ArrayList<>(actual.entrySet())).containsExactlyElementsOf(expected.entrySet());
        List<String> visited = new ArrayList<>();
        actual.forEach((k, v) -> {
            visited.add(k);
            assertThat(v).isEqualTo(expected.get(k));
        });
        assertThat(visited).containsExactlyElementsOf(expected.keySet());
        for (String key : expected.keySet()) {
            String sameTextOtherString = new String(key.toCharArray());
            assertThat(actual.get(sameTextOtherString)).isEqualTo(expected.get(key));
            assertThat(actual.containsKey(sameTextOtherString)).isTrue();
            assertThat(actual.keySet()).contains(sameTextOtherString);
        }
        for (int i = 0; i < 5; i++) {
            String absent = name(random) + "#absent";
            assertThat(actual.get(absent)).isNull();
            assertThat(actual.containsKey(absent)).isFalse();
            assertThat(actual.getOrDefault(absent, "dflt")).isEqualTo("dflt");
        }
        assertThat(actual.get(42)).isNull();
        assertThat(actual.containsKey(null)).isFalse();
    }

    @Test
    void keepsANullValueApartFromAnAbsentKey() {
        FieldMap map = FieldMap.Names.of("a", "b").map("x", null);

        assertThat(map.containsKey("b")).isTrue();
        assertThat(map.get("b")).isNull();
        assertThat(map.getOrDefault("b", "dflt")).isNull();
        assertThat(map.getOrDefault("c", "dflt")).isEqualTo("dflt");
    }

    @Test
    void cannotBeChangedThroughAnyView() {
        Object[] values = {"x", 1L};
        FieldMap map = FieldMap.Names.of("a", "b").map(values);
        values[0] = "changed after";

        assertThat(map.get("a")).isEqualTo("x");
        assertThatThrownBy(() -> map.put("c", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.keySet().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.replaceAll((k, v) -> v)).isInstanceOf(UnsupportedOperationException.class);
        Iterator<String> keys = map.keySet().iterator();
        keys.next();
        assertThatThrownBy(keys::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(map).containsExactly(Map.entry("a", "x"), Map.entry("b", 1L));
    }

    @Test
    void refusesNamesThatCannotKeyAMap() {
        assertThatThrownBy(() -> FieldMap.Names.of("a", "b", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field name 'a' appears twice");
        assertThatThrownBy(() -> FieldMap.Names.of("a", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a field name is null");
        assertThatThrownBy(() -> FieldMap.Names.of("a", "b").map("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 values for 2 field names");
    }

    record Party(String name, String document) {}

    record Posting(String code, long version, Party sender, Instant at, String note) {}

    @Test
    void recordFieldsOfOneTypeShareTheirNamesAndAChangeKeepsTheMapAsItIs() {
        Posting first = new Posting("AB123", 3, new Party("Ana", "123"), Instant.parse("2026-12-02T10:00:00Z"), null);
        Posting second = new Posting("CD456", 4, null, null, "x");

        Map<String, Object> a = RecordFields.of(first);
        Map<String, Object> b = RecordFields.of(second);

        assertThat(a).isInstanceOf(FieldMap.class);
        assertThat(((FieldMap) a).names()).isSameAs(((FieldMap) b).names());
        assertThat(new ArrayList<>(a.keySet())).containsExactly("code", "version", "sender", "at", "note");
        assertThat(a.get("sender")).isEqualTo("{\"name\":\"Ana\",\"document\":\"123\"}");
        assertThat(a.get("version")).isEqualTo(3L);
        assertThat(a.get("at")).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(a.containsKey("note")).isTrue();
        assertThat(b.get("sender")).isNull();

        Change kept = Change.upsert("postings", "AB123", 3, a, "portal");
        assertThat(kept.fields()).isSameAs(a);
        LinkedHashMap<String, Object> mutable = new LinkedHashMap<>(a);
        Change copied = Change.upsert("postings", "AB123", 3, mutable, "portal");
        mutable.put("code", "changed after");
        assertThat(copied.fields()).isNotSameAs(mutable).containsEntry("code", "AB123");
        assertThatThrownBy(() -> copied.fields().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static String name(Random random) {
        StringBuilder s = new StringBuilder();
        int len = 1 + random.nextInt(12);
        for (int i = 0; i < len; i++) {
            char c = (char) ('a' + random.nextInt(26));
            s.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return s.toString();
    }

    private static Object value(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> random.nextLong();
            case 2 -> name(random);
            case 3 -> random.nextBoolean();
            case 4 -> Instant.ofEpochSecond(random.nextInt());
            default -> "{\"nested\":" + random.nextInt() + "}";
        };
    }
}
