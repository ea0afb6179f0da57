package br.dev.sync.portal.sandbox;

import br.dev.sync.portal.internal.Wire;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Which wire type lives at which path, and the checks the sandbox makes on uploaded records. */
final class SandboxResources {
    private static final Map<Class<?>, String> PATHS = Map.ofEntries(
            Map.entry(Wire.PrePostagem.class, "pre-postagens"),
            Map.entry(Wire.OrdemServico.class, "ordens-servico"),
            Map.entry(Wire.Servico.class, "servicos"),
            Map.entry(Wire.Cliente.class, "clientes"),
            Map.entry(Wire.Departamento.class, "departamentos"),
            Map.entry(Wire.Usuario.class, "usuarios"),
            Map.entry(Wire.GrupoFaturamento.class, "grupos-faturamento"),
            Map.entry(Wire.Etiquetas.class, "etiquetas"),
            Map.entry(Wire.Amarracao.class, "amarracoes"),
            Map.entry(Wire.LancamentoFinanceiro.class, "financeiro"),
            Map.entry(Wire.Posto.class, "postos"),
            Map.entry(Wire.VendaRemota.class, "vendas-remotas"));

    private SandboxResources() {}

    static String pathOf(Class<?> wireType) {
        return PATHS.get(wireType);
    }

    /** What is wrong with an uploaded record, or null. */
    static String problem(String resource, JsonNode lote, JsonNode dados) {
        if (!dados.isObject()) {
            return "dados deve ser um objeto";
        }
        return switch (resource) {
            case "objetos-processados" -> required(dados, "codigoObjeto", "codigoServico", "idCliente");
            case "faturas" -> required(dados, "numero", "idCliente", "dataEmissao");
            case "movimento" -> movement(lote, dados);
            case "vendas-remotas" -> remoteSale(lote, dados);
            default -> "recurso desconhecido";
        };
    }

    private static String movement(JsonNode lote, JsonNode dados) {
        String missing = required(dados, "id", "data", "idCliente", "codigoObjeto", "valor");
        if (missing != null) {
            return missing;
        }
        if (!dados.path("idCliente").asText().equals(lote.path("cliente").asText())
                || !dados.path("data").asText().equals(lote.path("data").asText())) {
            return "a venda " + dados.path("id").asText() + " não é do cliente e da data do lote";
        }
        return null;
    }

    private static String remoteSale(JsonNode lote, JsonNode dados) {
        String missing = required(dados, "posto", "idVenda", "data", "codigoObjeto", "valor");
        if (missing != null) {
            return missing;
        }
        if (!dados.path("posto").asText().equals(lote.path("posto").asText())) {
            return "a venda " + dados.path("idVenda").asText() + " não é do posto do lote";
        }
        return null;
    }

    private static String required(JsonNode dados, String... fields) {
        for (String f : fields) {
            if (dados.path(f).asText("").isBlank()) {
                return f + " é obrigatório";
            }
        }
        return null;
    }
}
