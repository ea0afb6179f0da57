package br.dev.sync.core;

import br.dev.sync.core.internal.engine.RecordFields;
import br.dev.sync.core.internal.json.Json;
import br.dev.sync.core.spi.ConflictResolver;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * One kind of record: its Java type, key, version, direction, how it is read from the wire, validated and turned
 * into fields, and its conflict rule. Built once and shared.
 *
 * <pre>{@code
 * SyncStream<PrePosting> PRE_POSTINGS = SyncStream.of("pre-postings", PrePosting.class)
 *         .key(PrePosting::trackingCode)
 *         .version(PrePosting::revision)
 *         .onConflict(ConflictRules.serverWins())
 *         .build();
 * }</pre>
 *
 * <p>Records are validated with Jakarta Validation (annotations on the record's components) unless
 * {@link Builder#validate(boolean)} turns it off. By default the raw form is JSON read into the type with Jackson;
 * {@link Builder#wire(Class, Function)} reads a different wire form and maps it (a MapStruct mapper's method fits),
 * and {@link Builder#decoder(RecordDecoder)} takes any other format.
 *
 * <p>Immutable and thread-safe. The functions it is built with (decoder, wire mapper, key, version, fields,
 * deleted) are called from several threads at once: the records of a pulled page are decoded, validated and
 * mapped in parallel (see {@link SyncEngine.Builder#decodeThreads(int)}).
 */
public final class SyncStream<T> {
    private final String name;
    private final Class<T> type;
    private final Function<T, String> key;
    private final ToLongFunction<T> version;
    private final Direction direction;
    private final ConflictResolver conflictResolver;
    private final RecordDecoder<T> decoder;
    private final Function<T, Map<String, Object>> fields;
    private final Predicate<T> deleted;
    private final boolean validate;
    private final int maxRecordChars;

    private SyncStream(Builder<T> b) {
        this.name = b.name;
        this.type = b.type;
        this.key = b.key;
        this.version = b.version;
        this.direction = b.direction;
        this.conflictResolver = b.conflictResolver;
        this.decoder = b.decoder != null ? b.decoder : reader(b.type)::readValue;
        this.fields = b.fields != null ? b.fields : RecordFields::of;
        this.deleted = b.deleted;
        this.validate = b.validate;
        this.maxRecordChars = b.maxRecordChars;
    }

    /** The shared mapper's reader of {@code type}, its deserializer found once rather than at every record. */
    private static <R> ObjectReader reader(Class<R> type) {
        return Json.mapper().readerFor(type);
    }

    public static <T> Builder<T> of(String name, Class<T> type) {
        return new Builder<>(name, type);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public Direction direction() {
        return direction;
    }

    public ConflictResolver conflictResolver() {
        return conflictResolver;
    }

    public boolean validates() {
        return validate;
    }

    /** The longest raw record accepted, in characters; a longer one is quarantined unread. */
    public int maxRecordChars() {
        return maxRecordChars;
    }

    public T decode(String raw) throws Exception {
        return decoder.decode(raw);
    }

    public String keyOf(T record) {
        return key.apply(record);
    }

    public long versionOf(T record) {
        return version.applyAsLong(record);
    }

    public boolean isDeleted(T record) {
        return deleted.test(record);
    }

    /**
     * The record's fields as the store writes them, in order. With the default mapping a Java record gives an
     * immutable map (copy it to change it): each component by name, nested records, lists and maps as JSON text.
     */
    public Map<String, Object> fieldsOf(T record) {
        return fields.apply(record);
    }

    @Override
    public String toString() {
        return "stream " + name;
    }

    /**
     * Collects a stream's definition; {@link #build()} checks it as a whole.
     *
     * <p>Not thread-safe; build once, then share the stream.
     */
    public static final class Builder<T> {
        private final String name;
        private final Class<T> type;
        private Function<T, String> key;
        private ToLongFunction<T> version;
        private Direction direction = Direction.PULL;
        private ConflictResolver conflictResolver = ConflictRules.serverWins();
        private RecordDecoder<T> decoder;
        private Function<T, Map<String, Object>> fields;
        private Predicate<T> deleted = r -> false;
        private boolean validate = true;
        private int maxRecordChars = 1 << 20;

        private Builder(String name, Class<T> type) {
            this.name = name;
            this.type = type;
        }

        public Builder<T> key(Function<T, String> key) {
            this.key = key;
            return this;
        }

        public Builder<T> version(ToLongFunction<T> version) {
            this.version = version;
            return this;
        }

        public Builder<T> direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        public Builder<T> onConflict(ConflictResolver resolver) {
            this.conflictResolver = resolver;
            return this;
        }

        public Builder<T> decoder(RecordDecoder<T> decoder) {
            this.decoder = decoder;
            return this;
        }

        /** Reads the raw JSON as {@code wireType} and maps it to the record type. */
        public <W> Builder<T> wire(Class<W> wireType, Function<W, T> mapper) {
            Objects.requireNonNull(wireType, "wireType");
            Objects.requireNonNull(mapper, "mapper");
            ObjectReader reader = reader(wireType);
            this.decoder = raw -> mapper.apply(reader.readValue(raw));
            return this;
        }

        /** How a record becomes store fields; by default a record's components, nested values as JSON text. */
        public Builder<T> fields(Function<T, Map<String, Object>> fields) {
            this.fields = fields;
            return this;
        }

        /** Which records are deletions (tombstones) rather than upserts. */
        public Builder<T> deletedWhen(Predicate<T> deleted) {
            this.deleted = deleted;
            return this;
        }

        public Builder<T> validate(boolean validate) {
            this.validate = validate;
            return this;
        }

        public Builder<T> maxRecordChars(int maxRecordChars) {
            this.maxRecordChars = maxRecordChars;
            return this;
        }

        public SyncStream<T> build() {
            List<String> problems = new ArrayList<>();
            if (name == null || !name.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
                problems.add("name: must be 1-63 lower-case letters, digits, '.', '_' or '-' (was '" + name + "')");
            }
            if (type == null) {
                problems.add("type: is required");
            }
            if (key == null) {
                problems.add("key: is required (how to read a record's key)");
            }
            if (version == null) {
                problems.add("version: is required (how to read a record's version)");
            }
            if (direction == null) {
                problems.add("direction: is required");
            }
            if (conflictResolver == null) {
                problems.add("onConflict: is required");
            }
            if (maxRecordChars <= 0) {
                problems.add("maxRecordChars: must be positive (was " + maxRecordChars + ")");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("stream " + name, problems);
            }
            return new SyncStream<>(this);
        }
    }
}
