package br.dev.sync.portal.internal;

import br.dev.sync.portal.model.CounterSale;
import br.dev.sync.portal.model.Invoice;
import br.dev.sync.portal.model.ProcessedObject;
import br.dev.sync.portal.model.RemoteSale;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/** Turns a local change's fields (a domain record's components) into the wire form the portal takes. */
final class WireForms {
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private final WireMapper mapper = WireMapper.INSTANCE;

    JsonNode toWire(String stream, Map<String, Object> fields) {
        Object wire = switch (stream) {
            case "processed-objects" -> mapper.objetoProcessado(JSON.convertValue(fields, ProcessedObject.class));
            case "invoices" -> mapper.fatura(JSON.convertValue(fields, Invoice.class));
            case "remote-sales" -> mapper.vendaRemota(JSON.convertValue(fields, RemoteSale.class));
            case "counter-sales" -> mapper.vendaBalcao(JSON.convertValue(fields, CounterSale.class));
            default -> throw new IllegalArgumentException("stream " + stream + " does not go up to Portal Postal");
        };
        return JSON.valueToTree(wire);
    }
}
