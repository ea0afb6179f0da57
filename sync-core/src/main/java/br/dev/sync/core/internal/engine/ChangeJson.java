package br.dev.sync.core.internal.engine;

import br.dev.sync.core.Change;
import br.dev.sync.core.StoreException;
import br.dev.sync.core.internal.json.Json;
import br.dev.sync.core.internal.json.JsonStrings;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A change as JSON text: the raw form of a rejected push, and how stores may keep outbox entries. */
public final class ChangeJson {
    private ChangeJson() {}

    public static String write(Change change) {
        try {
            return JsonStrings.write(change);
        } catch (JsonProcessingException e) {
            throw new StoreException(
                    "cannot write change " + change.stream() + "/" + change.key() + " as JSON: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    public static Change read(String json) {
        try {
            return Json.mapper().readValue(json, Change.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read a stored change: " + e.getOriginalMessage(), e);
        }
    }
}
