package br.dev.sync.core.internal.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {
    static List<String> all(String text, int max) throws IOException {
        BoundedLines lines = new BoundedLines(new StringReader(text), max);
        List<String> out = new ArrayList<>();
        for (String l = lines.next(); l != null; l = lines.next()) {
            out.add(l);
        }
        return out;
    }

    @Test
    void splitsOnNewlinesAndKeepsALastLineWithoutOne() throws IOException {
        assertThat(all("a\n\nbc\nd", 10)).containsExactly("a", "", "bc", "d");
        assertThat(all("a\n", 10)).containsExactly("a");
        assertThat(all("", 10)).isEmpty();
    }

    @Test
    void readsLinesLongerThanItsBuffer() throws IOException {
        String longLine = "x".repeat(200_000);
        assertThat(all(longLine + "\nend\n", 300_000)).containsExactly(longLine, "end");
    }

    @Test
    void refusesALineOverTheLimitBeforeHoldingItAll() {
        assertThatThrownBy(() -> all("y".repeat(100_000) + "\n", 70_000))
                .isInstanceOf(IOException.class)
                .hasMessage("a line is longer than 70000 characters");
    }
}
