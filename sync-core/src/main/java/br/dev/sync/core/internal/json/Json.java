package br.dev.sync.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The SDK's Jackson set-up: java.time support, ISO dates, and limits on what a remote answer may make us read. */
public final class Json {
    /** Deepest nesting accepted in any JSON the SDK reads. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest single string value accepted (bytes of text), e.g. one base64 attachment. */
    public static final int MAX_STRING_LENGTH = 5_000_000;

    private static final ObjectMapper SHARED = create(MAX_NESTING_DEPTH, MAX_STRING_LENGTH);

    private Json() {}

    /** A thread-safe mapper with the default limits. */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    public static ObjectMapper create(int maxNestingDepth, int maxStringLength) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .maxStringLength(maxStringLength)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }
}
