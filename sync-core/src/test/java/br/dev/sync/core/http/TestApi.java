package br.dev.sync.core.http;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/** A provider-style remote API used by the toolkit's tests. */
public interface TestApi {
    @RequestLine("GET /items?page={page}")
    Page list(@Param("page") int page);

    @RequestLine("POST /items")
    @Headers("Content-Type: application/json")
    Ack push(Item item);

    @RequestLine("GET /anything")
    Map<String, Object> anything();

    default int countFirstPage() {
        return list(0).items().size();
    }

    record Item(String id, String name) {}

    record Page(List<Item> items, boolean more) {}

    record Ack(String id, String status) {}
}
