package br.dev.sync.core.internal.engine;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * An immutable map of a record's fields in the order of its components, which may hold null values. Every record of
 * a type shares one {@link Names}, so a map costs one array of values where a {@code LinkedHashMap} costs an entry
 * object per field and a hash table, twice over when {@link br.dev.sync.core.Change} copies it: a pulled page holds
 * a thousand of them while it waits to be applied, and every copy is work for the collector. Lookups compare the
 * name by reference first (callers mostly ask with the very strings the names were built from), then by equality.
 * Equal to, and with the same hash code as, any map of the same entries. Thread-safe.
 */
public final class FieldMap extends AbstractMap<String, Object> {
    private final Names names;
    private final Object[] values;

    private FieldMap(Names names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** The field names of one shape of map, in order: distinct, not null. Immutable. */
    public static final class Names {
        private final String[] names;

        private Names(String[] names) {
            this.names = names;
        }

        /** The names, copied. Refuses a null or repeated name. */
        public static Names of(String... names) {
            String[] copy = names.clone();
            Set<String> seen = new HashSet<>();
            for (String name : copy) {
                if (name == null) {
                    throw new IllegalArgumentException("a field name is null in " + String.join(", ", copy));
                }
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("field name '" + name + "' appears twice");
                }
            }
            return new Names(copy);
        }

        /** A map of these names to {@code values}, copied: value i belongs to name i. */
        public FieldMap map(Object... values) {
            return own(values.clone());
        }

        /** A map of these names to {@code values}, which the caller hands over and never touches again. */
        FieldMap own(Object[] values) {
            if (values.length != names.length) {
                throw new IllegalArgumentException(values.length + " values for " + names.length + " field names");
            }
            return new FieldMap(this, values);
        }

        int indexOf(Object name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i] == name) {
                    return i;
                }
            }
            if (name instanceof String) {
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(name)) {
                        return i;
                    }
                }
            }
            return -1;
        }
    }

    /** The names this map was built with: two maps with the same {@code Names} have the same keys in order. */
    public Names names() {
        return names;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return names.indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = names.indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(names.names[i], values[i]);
        }
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return new Walk<>(i -> names.names[i]);
            }

            @Override
            public int size() {
                return values.length;
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }
        };
    }

    @Override
    public Collection<Object> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Object> iterator() {
                return new Walk<>(i -> values[i]);
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Walk<>(i -> new SimpleImmutableEntry<>(names.names[i], values[i]));
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /** Walks the fields in order; it cannot remove them. */
    private final class Walk<E> implements Iterator<E> {
        private final IntFunction<E> at;
        private int next;

        Walk(IntFunction<E> at) {
            this.at = at;
        }

        @Override
        public boolean hasNext() {
            return next < values.length;
        }

        @Override
        public E next() {
            if (next >= values.length) {
                throw new NoSuchElementException();
            }
            return at.apply(next++);
        }
    }
}
