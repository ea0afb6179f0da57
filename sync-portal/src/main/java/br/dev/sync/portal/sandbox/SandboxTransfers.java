package br.dev.sync.portal.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What goes up to the sandbox: uploads by batch (a batch id seen before gets its first answer again, a record
 * already held unchanged is DUPLICADO), movement confirmations per client, and outposts' day closes. Thread-safe.
 */
final class SandboxTransfers {
    private final SandboxState state;
    private final Map<String, Table> uploads;
    private final Map<String, String> batches = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> closes = new ConcurrentHashMap<>();

    SandboxTransfers(SandboxState state, Map<String, Table> uploads) {
        this.state = state;
        this.uploads = uploads;
    }

    boolean isClosed(String outpost, LocalDate day) {
        return closes.containsKey(outpost + "/" + day);
    }

    SandboxState.Answer upload(String resource, byte[] body, URI uri) throws IOException {
        Table t = uploads.get(resource);
        if (t == null) {
            return SandboxState.error(404, "recurso de envio desconhecido: " + resource, null, uri);
        }
        JsonNode lote = SandboxState.JSON.readTree(body);
        String id = lote.path("lote").asText("");
        if (id.isBlank() || !lote.path("itens").isArray()) {
            return SandboxState.error(400, "lote e itens são obrigatórios", null, uri);
        }
        synchronized (this) {
            String seen = batches.get(resource + "|" + id);
            if (seen != null) {
                return new SandboxState.Answer(200, seen, false);
            }
            ObjectNode out = SandboxState.JSON.createObjectNode();
            out.put("lote", id);
            ArrayNode results = out.putArray("resultados");
            for (JsonNode item : lote.get("itens")) {
                results.add(receive(resource, t, lote, item));
            }
            if (resource.equals("movimento")) {
                out.set("confirmacao", confirmation(t, lote));
            }
            String answer = out.toString();
            batches.put(resource + "|" + id, answer);
            return new SandboxState.Answer(200, answer, false);
        }
    }

    private ObjectNode receive(String resource, Table t, JsonNode lote, JsonNode item) {
        ObjectNode result = SandboxState.JSON.createObjectNode();
        result.put("sequencia", item.path("sequencia").asLong());
        JsonNode dados = item.path("dados");
        String problem = SandboxResources.problem(resource, lote, dados);
        if (problem == null
                && resource.equals("vendas-remotas")
                && isClosed(
                        dados.path("posto").asText(),
                        LocalDate.parse(dados.path("data").asText()))) {
            problem = "o dia " + dados.path("data").asText() + " do posto "
                    + dados.path("posto").asText() + " já foi fechado";
        }
        if (problem != null) {
            result.put("situacao", "REJEITADO");
            result.put("erro", problem);
            return result;
        }
        ObjectNode copy = ((ObjectNode) dados).deepCopy();
        Table.Row existing = t.get(t.keyOf(copy));
        if (existing != null && sameContent(existing.json(), copy)) {
            result.put("situacao", "DUPLICADO");
            return result;
        }
        copy.put("atualizadoEm", state.now().toString());
        t.put(copy);
        result.put("situacao", "ACEITO");
        return result;
    }

    private static boolean sameContent(ObjectNode stored, ObjectNode sent) {
        ObjectNode a = stored.deepCopy();
        ObjectNode b = sent.deepCopy();
        a.remove("atualizadoEm");
        b.remove("atualizadoEm");
        return a.equals(b);
    }

    private ObjectNode confirmation(Table t, JsonNode lote) {
        String client = lote.path("cliente").asText();
        LocalDate day = LocalDate.parse(lote.path("data").asText());
        int count = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Table.Row r : t.select(day, day, null)) {
            if (client.equals(r.json().path("idCliente").asText())) {
                count++;
                total = total.add(r.json().path("valor").decimalValue());
            }
        }
        ObjectNode c = SandboxState.JSON.createObjectNode();
        c.put("protocolo", "MOV-" + day.toString().replace("-", "") + "-" + client);
        c.put("cliente", client);
        c.put("data", day.toString());
        c.put("quantidade", count);
        c.put("valorTotal", total);
        return c;
    }

    SandboxState.Answer close(byte[] body, URI uri) throws IOException {
        JsonNode req = SandboxState.JSON.readTree(body);
        String outpost = req.path("posto").asText();
        if (state.table("postos").get(outpost) == null) {
            return SandboxState.error(404, "posto " + outpost + " não cadastrado", null, uri);
        }
        LocalDate day = LocalDate.parse(req.path("data").asText());
        int declared = req.path("quantidade").asInt();
        long held = state.table("vendas-remotas").select(day, day, outpost).size();
        if (held != declared) {
            return SandboxState.error(
                    409,
                    "o posto " + outpost + " declarou " + declared + " vendas em " + day + " mas o portal tem " + held,
                    null,
                    uri);
        }
        ObjectNode close = closes.computeIfAbsent(outpost + "/" + day, k -> {
            ObjectNode c = SandboxState.JSON.createObjectNode();
            c.put("posto", outpost);
            c.put("data", day.toString());
            c.put("quantidade", declared);
            c.put("fechadoEm", state.now().toString());
            return c;
        });
        return new SandboxState.Answer(200, close.toString(), false);
    }

    SandboxState.Answer closes(Map<String, String> q, URI uri) {
        if (!q.containsKey("data")) {
            return SandboxState.error(400, "informe data", null, uri);
        }
        LocalDate day = LocalDate.parse(q.get("data"));
        ObjectNode out = SandboxState.JSON.createObjectNode();
        ArrayNode items = out.putArray("itens");
        new HashMap<>(closes)
                .values().stream()
                        .filter(c -> c.path("data").asText().equals(day.toString()))
                        .sorted((a, b) -> a.path("posto")
                                .asText()
                                .compareTo(b.path("posto").asText()))
                        .forEach(items::add);
        return new SandboxState.Answer(200, out.toString(), false);
    }
}
