package br.dev.sync.core.internal.engine;

import br.dev.sync.core.Change;
import br.dev.sync.core.Operation;
import br.dev.sync.core.QuarantineEntry;
import br.dev.sync.core.QuarantineStage;
import br.dev.sync.core.SyncStream;
import br.dev.sync.core.internal.validation.Validation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Takes one raw record through decode, validate and map: a change, or a quarantine entry saying why not. */
public final class RecordPipeline {
    /** Either {@code change} or {@code rejected} is set. */
    public record Outcome(Change change, QuarantineEntry rejected) {}

    private RecordPipeline() {}

    public static <T> Outcome process(SyncStream<T> stream, String raw, String partition, String origin, Instant now) {
        if (raw == null) {
            return reject(
                    stream, null, partition, QuarantineStage.DECODE, "the record is empty (null)", "null", 0, now);
        }
        if (raw.length() > stream.maxRecordChars()) {
            return reject(
                    stream,
                    null,
                    partition,
                    QuarantineStage.DECODE,
                    "the record has " + raw.length() + " characters, more than the limit of " + stream.maxRecordChars()
                            + " for " + stream + "; raise maxRecordChars if such records are expected",
                    raw,
                    0,
                    now);
        }
        T record;
        try {
            record = stream.decode(raw);
            if (record == null) {
                return reject(
                        stream, null, partition, QuarantineStage.DECODE, "the record decodes to nothing", raw, 0, now);
            }
        } catch (Exception | StackOverflowError e) {
            return reject(
                    stream,
                    null,
                    partition,
                    QuarantineStage.DECODE,
                    "cannot read the record: " + firstLine(e),
                    raw,
                    0,
                    now);
        }
        String key;
        long version;
        try {
            key = stream.keyOf(record);
            version = stream.versionOf(record);
        } catch (RuntimeException e) {
            return reject(
                    stream,
                    null,
                    partition,
                    QuarantineStage.MAP,
                    "cannot read key or version: " + firstLine(e),
                    raw,
                    0,
                    now);
        }
        if (stream.validates()) {
            List<String> violations = Validation.violations(record);
            if (!violations.isEmpty()) {
                return reject(
                        stream,
                        key,
                        partition,
                        QuarantineStage.VALIDATE,
                        String.join("; ", violations),
                        raw,
                        version,
                        now);
            }
        }
        if (key == null || key.isBlank()) {
            return reject(stream, null, partition, QuarantineStage.MAP, "the record has no key", raw, version, now);
        }
        try {
            boolean deleted = stream.isDeleted(record);
            Map<String, Object> fields = deleted ? Map.of() : stream.fieldsOf(record);
            return new Outcome(
                    new Change(
                            stream.name(), key, version, deleted ? Operation.DELETE : Operation.UPSERT, fields, origin),
                    null);
        } catch (RuntimeException e) {
            return reject(
                    stream,
                    key,
                    partition,
                    QuarantineStage.MAP,
                    "cannot map the record to fields: " + firstLine(e),
                    raw,
                    version,
                    now);
        }
    }

    private static Outcome reject(
            SyncStream<?> stream,
            String key,
            String partition,
            QuarantineStage stage,
            String reason,
            String raw,
            long version,
            Instant now) {
        return new Outcome(null, QuarantineEntry.of(stream.name(), key, partition, stage, reason, raw, version, now));
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
