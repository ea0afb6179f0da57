package br.dev.sync.core.internal.config;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.config.Frequency;
import br.dev.sync.core.config.MappingRule;
import br.dev.sync.core.config.SyncConfiguration;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns file entries into a {@link SyncConfiguration}, collecting every problem: unknown or repeated keys, values
 * that do not parse, and the rules the built configuration breaks. Values are never quoted for keys that may hold a
 * secret, nor for unknown keys.
 */
final class KeyBinder {
    static final List<String> KEYS = List.of(
            "origin.name",
            "origin.url",
            "destination.name",
            "destination.url",
            "frequency.automatic",
            "frequency.send",
            "frequency.receive",
            "streams",
            "fiscal.nfe",
            "fiscal.nfce",
            "fiscal.nfeContingency",
            "fiscal.nfceContingency",
            "credentials.user",
            "credentials.secret");
    private static final Pattern MAPPING = Pattern.compile("mapping\\.([^.]+)\\.(table|columns\\.([^.]+))");

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Entry> byKey = new HashMap<>();
    private final Map<String, String> problems = new TreeMap<>();
    private final Map<String, String> tables = new TreeMap<>();
    private final Map<String, Map<String, String>> columns = new TreeMap<>();

    private KeyBinder() {}

    static SyncConfiguration bind(List<Entry> entries, String source) {
        KeyBinder binder = new KeyBinder();
        entries.forEach(binder::accept);
        return binder.build(source);
    }

    private void accept(Entry e) {
        if (byKey.putIfAbsent(e.key(), e) != null) {
            problem(e, "given more than once");
        } else if (e.list() && !e.key().equals("streams")) {
            problem(e, "a list is not allowed here");
        } else if (KEYS.contains(e.key())) {
            values.put(e.key(), e.value());
        } else if (!acceptMapping(e)) {
            problem(e, "unknown key" + Suggest.closest(e.key(), candidates(e.key())));
        }
    }

    private boolean acceptMapping(Entry e) {
        Matcher m = MAPPING.matcher(e.key());
        if (!m.matches()) {
            return false;
        }
        if (m.group(3) == null) {
            tables.put(m.group(1), e.value());
        } else {
            columns.computeIfAbsent(m.group(1), s -> new TreeMap<>()).put(m.group(3), e.value());
        }
        return true;
    }

    private static List<String> candidates(String key) {
        List<String> known = new ArrayList<>(KEYS);
        String[] parts = key.split("\\.");
        if (parts.length >= 3) {
            known.add("mapping." + parts[1] + ".table");
            known.add("mapping." + parts[1] + ".columns." + parts[parts.length - 1]);
        }
        return known;
    }

    private SyncConfiguration build(String source) {
        SyncConfiguration.Builder b = SyncConfiguration.builder()
                .origin(text("origin.name"), text("origin.url"))
                .destination(text("destination.name"), text("destination.url"))
                .frequency(frequency())
                .streams(streams())
                .fiscal(
                        number("fiscal.nfe"),
                        number("fiscal.nfce"),
                        number("fiscal.nfeContingency"),
                        number("fiscal.nfceContingency"))
                .credentials(text("credentials.user"), text("credentials.secret"));
        mappingRules().forEach(b::mapping);
        List<String> all = new ArrayList<>();
        problems.forEach((key, problem) -> all.add(key + ": " + problem));
        try {
            b.build();
        } catch (ConfigurationException e) {
            e.violations().stream()
                    .filter(v -> !problems.containsKey(pathOf(v)))
                    .map(this::withLine)
                    .forEach(all::add);
        }
        if (!all.isEmpty()) {
            throw new ConfigurationException(source, all.stream().sorted().toList());
        }
        return b.build();
    }

    private Frequency frequency() {
        Frequency d = Frequency.DEFAULT;
        String automatic = text("frequency.automatic");
        boolean on = d.automatic();
        if (automatic != null && automatic.trim().matches("(?i)true|false")) {
            on = Boolean.parseBoolean(automatic.trim());
        } else if (automatic != null) {
            problem(byKey.get("frequency.automatic"), "must be true or false ('" + automatic + "')");
        }
        return new Frequency(on, duration("frequency.send", d.send()), duration("frequency.receive", d.receive()));
    }

    private Duration duration(String key, Duration fallback) {
        String v = text(key);
        if (v == null) {
            return fallback;
        }
        try {
            return v.trim().matches("\\d{1,6}")
                    ? Duration.ofMinutes(Long.parseLong(v.trim()))
                    : Duration.parse(v.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            problem(byKey.get(key), "must be minutes or an ISO-8601 duration such as PT1H30M ('" + v + "')");
            return null;
        }
    }

    private Integer number(String key) {
        String v = text(key);
        try {
            return v == null ? null : Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            problem(byKey.get(key), "must be a whole number ('" + v + "')");
            return null;
        }
    }

    private List<String> streams() {
        String v = text("streams");
        return v == null
                ? List.of()
                : Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private Map<String, MappingRule> mappingRules() {
        Map<String, MappingRule> rules = new TreeMap<>();
        tables.keySet().forEach(s -> rules.put(s, new MappingRule(tables.get(s), columns.getOrDefault(s, Map.of()))));
        columns.keySet().stream()
                .filter(s -> !tables.containsKey(s))
                .forEach(s -> rules.put(s, new MappingRule(null, columns.get(s))));
        return rules;
    }

    private String text(String key) {
        return values.get(key);
    }

    private void problem(Entry e, String what) {
        problems.putIfAbsent(e.key(), what + e.where());
    }

    /** "mapping[stock].table: ..." is about key "mapping.stock.table"; "streams[2].<list element>" about "streams". */
    private static String pathOf(String violation) {
        int colon = violation.indexOf(": ");
        String path = colon < 0 ? violation : violation.substring(0, colon);
        String key = path.replaceAll("\\.?<[^>]*>", "").replaceAll("\\[([^\\]]*)\\]", ".$1");
        return key.startsWith("streams.") ? "streams" : key;
    }

    private String withLine(String violation) {
        Entry e = byKey.get(pathOf(violation));
        return e == null ? violation : violation + e.where();
    }
}
