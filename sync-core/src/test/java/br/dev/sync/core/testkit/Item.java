package br.dev.sync.core.testkit;

import br.dev.sync.core.SyncStream;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The record of the engine tests: a priced item with a version, which may be a deletion. */
public record Item(
        @NotBlank String id,
        long version,
        @NotBlank @Size(max = 60) String name,
        @DecimalMin("0") BigDecimal price,
        int qty,
        boolean deleted) {

    public static SyncStream.Builder<Item> stream(String name) {
        return SyncStream.of(name, Item.class)
                .key(Item::id)
                .version(Item::version)
                .deletedWhen(Item::deleted);
    }

    public static String json(String id, long version, String name, String price) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"name\":\"" + name + "\",\"price\":" + price
                + ",\"qty\":1,\"deleted\":false}";
    }

    public static String deletion(String id, long version) {
        return "{\"id\":\"" + id + "\",\"version\":" + version
                + ",\"name\":\"gone\",\"price\":0,\"qty\":0,\"deleted\":true}";
    }
}
