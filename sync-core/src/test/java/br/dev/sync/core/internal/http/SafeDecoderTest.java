package br.dev.sync.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** A body cut by the connection is retryable; a body that is not valid JSON is not. */
class SafeDecoderTest {
    @Test
    void aConnectionThatBrokeWhileTheBodyWasReadIsATransportFailure() {
        EOFException cut = new EOFException("fixed content-length: 5000, bytes received: 2310");
        assertThat(SafeDecoder.transportFailure(cut)).isSameAs(cut);
        assertThat(SafeDecoder.transportFailure(new UncheckedIOException(cut))).isSameAs(cut);
        assertThat(SafeDecoder.transportFailure(new RuntimeException("decode", new IOException("reset", cut))))
                .hasMessage("reset");
    }

    @Test
    void brokenJsonIsNotATransportFailure() {
        assertThat(SafeDecoder.transportFailure(new JsonParseException(null, "Unexpected character ('<')")))
                .isNull();
        assertThat(SafeDecoder.transportFailure(new JsonEOFException(null, null, "Unexpected end-of-input")))
                .isNull();
        assertThat(SafeDecoder.transportFailure(new IllegalStateException("wrong shape")))
                .isNull();
    }
}
