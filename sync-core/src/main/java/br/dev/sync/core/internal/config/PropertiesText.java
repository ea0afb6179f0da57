package br.dev.sync.core.internal.config;

import br.dev.sync.core.ConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .properties} file as entries with their line numbers. {@link Properties} does the parsing; a second look
 * at the lines finds where each plain key starts, and keys given twice, which {@link Properties} would silently
 * resolve to the last.
 */
final class PropertiesText {
    /** A key without escapes at the start of a line, followed by its separator. */
    private static final Pattern PLAIN_KEY = Pattern.compile("([^\\s=:\\\\#!][^\\s=:\\\\]*)(\\s*[=:]|\\s|$).*");

    private PropertiesText() {}

    /** UTF-8 when the bytes are valid UTF-8, otherwise ISO-8859-1 (the old default of .properties files). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    static List<Entry> entries(String text, String source) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source, List.of("file: malformed properties (" + e.getMessage() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> lines = new HashMap<>();
        List<Entry> repeated = new ArrayList<>();
        scan(text, (key, line) -> {
            if (lines.putIfAbsent(key, line) != null) {
                repeated.add(new Entry(key, "", line, false)); // reported as given more than once
            }
        });
        List<Entry> entries = new ArrayList<>();
        properties.stringPropertyNames().stream()
                .sorted()
                .forEach(k -> entries.add(new Entry(k, properties.getProperty(k), lines.getOrDefault(k, 0), false)));
        entries.addAll(repeated);
        return entries;
    }

    private interface KeyAt {
        void found(String key, int line);
    }

    /** Calls back with each plain key and its 1-based line, skipping comments and continuation lines. */
    private static void scan(String text, KeyAt keys) {
        boolean continued = false;
        int number = 0;
        for (String line : text.split("\\R", -1)) {
            number++;
            String t = line.stripLeading();
            boolean comment = t.startsWith("#") || t.startsWith("!");
            if (!continued && !comment) {
                Matcher m = PLAIN_KEY.matcher(t);
                if (m.matches()) {
                    keys.found(m.group(1), number);
                }
            }
            continued = !comment && endsWithOddBackslashes(line);
        }
    }

    private static boolean endsWithOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }
}
