package br.dev.sync.portal.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Keeps one record of a list as its exact JSON text (numbers as sent, 300.00 stays 300.00), so the engine decodes
 * and, when it must, quarantines it as the portal sent it.
 */
public final class RawJson extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = parser.getCodec().getFactory().createGenerator(out)) {
            gen.copyCurrentStructureExact(parser);
        }
        return out.toString();
    }

    @Override
    public String getNullValue(DeserializationContext context) {
        return null;
    }
}
