package br.dev.sync.core.internal.config;

import br.dev.sync.core.ConfigurationException;
import br.dev.sync.core.config.SyncConfiguration;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/** Reads {@link SyncConfiguration} from {@code .properties} and YAML files into {@link Entry entries}. */
public final class ConfigFile {
    private static final YAMLFactory YAML =
            YAMLFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private ConfigFile() {}

    public static SyncConfiguration load(Path file) {
        String source = "configuration file " + file;
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        if (!yaml && !name.endsWith(".properties")) {
            throw new ConfigurationException(source, List.of("file: use a .properties, .yaml or .yml file"));
        }
        String text;
        try {
            text = yaml
                    ? Files.readString(file, StandardCharsets.UTF_8)
                    : PropertiesText.decode(Files.readAllBytes(file));
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigurationException(source, List.of("file: cannot be read (" + e + ")"));
        }
        return yaml
                ? fromYaml(new StringReader(text), source)
                : KeyBinder.bind(PropertiesText.entries(text, source), source);
    }

    public static SyncConfiguration fromProperties(Properties properties, String source) {
        List<Entry> entries = new ArrayList<>();
        properties.stringPropertyNames().stream()
                .sorted()
                .forEach(k -> entries.add(Entry.of(k, properties.getProperty(k))));
        return KeyBinder.bind(entries, source);
    }

    public static SyncConfiguration fromYaml(Reader yaml, String source) {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first != null && first != JsonToken.START_OBJECT) {
                throw malformed(source, parser.currentTokenLocation(), "the document must be a mapping of keys");
            }
            if (first != null) {
                readObject(parser, "", entries, source);
            }
        } catch (JacksonException e) {
            throw malformed(source, e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigurationException(source, List.of("file: cannot be read (" + e + ")"));
        }
        return KeyBinder.bind(entries, source);
    }

    private static void readObject(JsonParser p, String prefix, List<Entry> entries, String source) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix.isEmpty() ? p.currentName() : prefix + "." + p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT) {
                readObject(p, key, entries, source);
            } else if (value == JsonToken.START_ARRAY) {
                entries.add(new Entry(key, readList(p, key, source), line, true));
            } else {
                entries.add(new Entry(key, value == JsonToken.VALUE_NULL ? "" : p.getText(), line, false));
            }
        }
    }

    /** The plain items of a list, joined by commas; a nested list or mapping is malformed here. */
    private static String readList(JsonParser p, String key, String source) throws IOException {
        List<String> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                throw malformed(source, p.currentTokenLocation(), key + ": list items must be plain values");
            }
            items.add(p.getText());
        }
        return String.join(",", items);
    }

    /** The parser's own words, without the lines it quotes from the file (indented): they may hold a secret. */
    private static ConfigurationException malformed(String source, JsonLocation at, String problem) {
        String what = problem == null
                ? ""
                : problem.lines()
                        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                        .collect(Collectors.joining(", "));
        String where =
                at == null || at.getLineNr() < 1 ? "file" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new ConfigurationException(source, List.of(where + ": " + (what.isEmpty() ? "malformed YAML" : what)));
    }
}
