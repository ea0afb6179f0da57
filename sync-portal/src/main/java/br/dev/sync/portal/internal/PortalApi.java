package br.dev.sync.portal.internal;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/**
 * The Portal Postal contract as a Feign interface ({@code docs/contracts/portal-postal.yaml}). The login is done
 * by the toolkit's token endpoint; no credential ever travels in a query string.
 */
public interface PortalApi {
    /** A page of a resource: window (dataInicial, dataFinal), cursor (alteradoDesde, aposId), limite, posto. */
    @RequestLine("GET /v1/{recurso}")
    Wire.Lista list(@Param("recurso") String resource, @QueryMap Map<String, Object> query);

    /** Uploads a batch; a batch id the portal has seen gets its first answer again. */
    @RequestLine("POST /v1/{recurso}/lotes")
    @Headers("Content-Type: application/json")
    Wire.ResultadoLote upload(@Param("recurso") String resource, Wire.Lote batch);

    /** An outpost closes a day, declaring how many sales it sent for it. */
    @RequestLine("POST /v1/vendas-remotas/fechamentos")
    @Headers("Content-Type: application/json")
    Wire.Fechamento close(Wire.Fechamento close);

    /** The outposts' closes of a day. */
    @RequestLine("GET /v1/vendas-remotas/fechamentos?data={data}")
    Wire.Fechamentos closes(@Param("data") String day);
}
