package br.dev.sync.portal.internal;

import java.util.Map;

/** Which portal resource path serves or takes which stream. */
public final class Resources {
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("pre-postings", "pre-postagens"),
            Map.entry("service-orders", "ordens-servico"),
            Map.entry("postal-services", "servicos"),
            Map.entry("clients", "clientes"),
            Map.entry("departments", "departamentos"),
            Map.entry("users", "usuarios"),
            Map.entry("billing-groups", "grupos-faturamento"),
            Map.entry("label-ranges", "etiquetas"),
            Map.entry("routings", "amarracoes"),
            Map.entry("financial-entries", "financeiro"),
            Map.entry("outposts", "postos"),
            Map.entry("remote-sales", "vendas-remotas"),
            Map.entry("processed-objects", "objetos-processados"),
            Map.entry("invoices", "faturas"),
            Map.entry("counter-sales", "movimento"));

    private Resources() {}

    /** The resource path of a stream, e.g. "pre-postagens" for "pre-postings". */
    public static String path(String stream) {
        String path = PATHS.get(stream);
        if (path == null) {
            throw new IllegalArgumentException(
                    "stream " + stream + " is not served by Portal Postal; known: " + PATHS.keySet());
        }
        return path;
    }
}
