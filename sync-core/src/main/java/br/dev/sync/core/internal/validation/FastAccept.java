package br.dev.sync.core.internal.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.GroupSequence;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import jakarta.validation.metadata.ValidateUnwrappedValue;
import jakarta.validation.valueextraction.ValueExtractor;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Proves a bean valid without running Hibernate Validator, when every constraint Hibernate Validator would check on
 * it is one this class knows. {@link #accepts} answering true means Hibernate Validator finds no violation; false
 * means only "not proven": the caller then asks Hibernate Validator, whose answer and messages stand. So a constraint,
 * a value type or a bean shape this class does not know never changes a verdict; it only takes the slower way.
 *
 * <p>Why: Hibernate Validator builds a context, a path node and a value context for every constraint it checks,
 * valid or not. For a pre-posting (about 60 constraints, two cascaded parties and their addresses) that was 27% of the
 * pulling JVM's sampled CPU and a quarter of what it allocated. Almost every record a pull reads is valid, and a valid
 * record needs no message, no path and no context.
 *
 * <p>What it knows: the constraints of the bean, its properties (fields and getters, found the way Hibernate Validator
 * names them, each value read from every field and getter of that name) and the elements of their {@link Iterable}
 * values; {@code @Valid} into beans and iterables; {@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty},
 * {@code @Size}, {@code @Min}, {@code @Max}, {@code @Positive}, {@code @PositiveOrZero}, {@code @Negative},
 * {@code @NegativeOrZero} (on int, long, short, byte, BigDecimal and BigInteger values), {@code @AssertTrue}, {@code @AssertFalse},
 * {@code @Pattern} (through {@link PatternConstraintValidator}), {@code @Email} (a plain address, as
 * {@link EmailConstraintValidator#plain} accepts it) and the SDK's identifier constraints (through their
 * {@link IdRules} rule), each only in the default group and with no composing constraints. A bean with a class-level
 * constraint, a group sequence, a group conversion, a nested container element, an unwrapped optional value or any
 * other constraint, or a constraint on a declared type Hibernate Validator has no validator for, is left to Hibernate
 * Validator whole; so is every bean when a value extractor is registered on the class path (it could unwrap values by
 * default) or a {@code META-INF/validation.xml} is (it could add constraints, extractors or group sequences).
 *
 * <p>Thread-safe: plans are built once per class and are immutable afterwards (the pattern validator keeps one
 * matcher per thread).
 */
final class FastAccept {
    /** Deeper cascades than this are left to Hibernate Validator. */
    private static final int MAX_DEPTH = 32;

    private final Validator validator;
    private final boolean enabled;
    private final ClassValue<Plan> plans = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            try {
                return plan(type);
            } catch (RuntimeException | LinkageError e) {
                return Plan.UNKNOWN;
            }
        }
    };

    FastAccept(Validator validator) {
        this.validator = validator;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.enabled = !ServiceLoader.load(ValueExtractor.class).iterator().hasNext()
                && (loader == null || loader.getResource("META-INF/validation.xml") == null)
                && FastAccept.class.getClassLoader().getResource("META-INF/validation.xml") == null;
    }

    /** True only when Hibernate Validator would find no violation on {@code bean}; false when that is not proven. */
    boolean accepts(Object bean) {
        return enabled && bean != null && bean(bean, 0);
    }

    private boolean cascade(Object value, int depth) {
        if (value == null) {
            return true;
        }
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (value instanceof Iterable<?> elements) {
            if (!value.getClass().getName().startsWith("java.")) {
                return false; // an iterable bean of the application's: its own properties may be constrained too
            }
            for (Object element : elements) {
                if (!cascade(element, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Map<?, ?>
                || value instanceof Optional<?>
                || value.getClass().isArray()) {
            return false;
        }
        return bean(value, depth);
    }

    private boolean bean(Object value, int depth) {
        Plan plan = plans.get(value.getClass());
        return plan != Plan.UNKNOWN && plan.accepts(this, value, depth);
    }

    // ---- plans

    /** What to check on a bean of one class; {@link #UNKNOWN} when this class cannot prove it valid. */
    private record Plan(Property[] properties) {
        static final Plan UNKNOWN = new Plan(new Property[0]);

        boolean accepts(FastAccept owner, Object bean, int depth) {
            for (Property p : properties) {
                if (!p.accepts(owner, bean, depth)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One property: where its value is read, its checks, and those of its iterable value's elements. */
    private record Property(
            Read[] reads, Check[] checks, boolean cascaded, Check[] elementChecks, boolean elementsCascaded) {

        boolean accepts(FastAccept owner, Object bean, int depth) {
            for (Read read : reads) {
                Object value;
                try {
                    value = read.from(bean);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return false;
                }
                if (!holds(checks, value) || cascaded && !owner.cascade(value, depth + 1)) {
                    return false;
                }
                if ((elementChecks.length > 0 || elementsCascaded) && value != null) {
                    if (!(value instanceof Iterable<?> elements)) {
                        return false;
                    }
                    for (Object element : elements) {
                        if (!holds(elementChecks, element) || elementsCascaded && !owner.cascade(element, depth + 1)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        private static boolean holds(Check[] checks, Object value) {
            for (Check c : checks) {
                if (!c.holds(value)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A field or a getter a property's value is read from. */
    private record Read(Field field, Method getter) {
        Object from(Object bean) throws ReflectiveOperationException {
            return field != null ? field.get(bean) : getter.invoke(bean);
        }
    }

    /** The kinds of {@link Check}, each with the declared types it is checked on. */
    private enum Kind {
        NOT_NULL,
        NOT_BLANK,
        NOT_EMPTY,
        SIZE,
        AT_LEAST,
        AT_MOST,
        ABOVE,
        BELOW,
        TRUE,
        FALSE,
        PATTERN,
        EMAIL,
        ID;

        private static final Set<Class<?>> NUMBERS = Set.of(
                int.class,
                long.class,
                short.class,
                byte.class,
                Integer.class,
                Long.class,
                Short.class,
                Byte.class,
                BigDecimal.class,
                BigInteger.class);

        /** Whether a value declared as {@code type} is one this kind checks as Hibernate Validator would. */
        boolean takes(Class<?> type) {
            return switch (this) {
                case NOT_NULL -> !type.getName().startsWith("javafx.") && !UNWRAPPED.contains(type);
                case NOT_BLANK, PATTERN, EMAIL, ID -> CharSequence.class.isAssignableFrom(type);
                case NOT_EMPTY, SIZE ->
                    CharSequence.class.isAssignableFrom(type)
                            || Collection.class.isAssignableFrom(type)
                            || Map.class.isAssignableFrom(type);
                case AT_LEAST, AT_MOST, ABOVE, BELOW -> NUMBERS.contains(type);
                case TRUE, FALSE -> type == boolean.class || type == Boolean.class;
            };
        }

        /** Declared types whose value Hibernate Validator may unwrap before checking it. */
        private static final Set<Class<?>> UNWRAPPED =
                Set.of(Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class);
    }

    /**
     * One constraint on one value: {@link #holds} is true when it certainly holds, false when it may not. One class
     * with a switch rather than a class per constraint, so that the call in {@link Property} stays monomorphic.
     */
    private record Check(
            Kind kind,
            long low,
            long high,
            PatternConstraintValidator pattern,
            Function<String, Optional<String>> rule) {
        static Check of(Kind kind) {
            return new Check(kind, 0, 0, null, null);
        }

        static Check bounded(Kind kind, long low, long high) {
            return new Check(kind, low, high, null, null);
        }

        boolean holds(Object v) {
            if (kind == Kind.NOT_NULL) {
                return present(v);
            }
            if (kind == Kind.NOT_BLANK) {
                return v instanceof CharSequence s && !s.toString().isBlank();
            }
            if (kind == Kind.NOT_EMPTY) {
                return size(v) > 0;
            }
            if (v == null) {
                return true; // every other constraint this class knows holds for null
            }
            return switch (kind) {
                case SIZE -> {
                    long n = size(v);
                    yield n >= low && n <= high;
                }
                case AT_LEAST, AT_MOST, ABOVE, BELOW -> {
                    int c = compare(v, low);
                    yield c != UNCOMPARED
                            && switch (kind) {
                                case AT_LEAST -> c >= 0;
                                case AT_MOST -> c <= 0;
                                case ABOVE -> c > 0;
                                default -> c < 0;
                            };
                }
                case TRUE -> Boolean.TRUE.equals(v);
                case FALSE -> Boolean.FALSE.equals(v);
                case PATTERN -> v instanceof CharSequence s && pattern.isValid(s, null);
                case EMAIL -> v instanceof CharSequence s && EmailConstraintValidator.plain(s);
                case ID ->
                    v instanceof CharSequence s && rule.apply(s.toString()).isEmpty();
                default -> false;
            };
        }
    }

    /** Thrown while building a plan for a shape this class does not know. */
    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    private Plan plan(Class<?> type) {
        if (hasGroupSequence(type)) {
            return Plan.UNKNOWN;
        }
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        if (!bean.getConstraintDescriptors().isEmpty()) {
            return Plan.UNKNOWN;
        }
        List<Property> properties = new ArrayList<>();
        try {
            for (PropertyDescriptor p : bean.getConstrainedProperties()) {
                properties.add(property(type, p));
            }
        } catch (Unknown e) {
            return Plan.UNKNOWN;
        }
        return new Plan(properties.toArray(Property[]::new));
    }

    private static boolean hasGroupSequence(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Annotation a : c.getDeclaredAnnotations()) {
                String name = a.annotationType().getName();
                if (a instanceof GroupSequence || name.endsWith(".GroupSequenceProvider")) {
                    return true;
                }
            }
        }
        return false;
    }

    private Property property(Class<?> type, PropertyDescriptor p) {
        if (!p.getGroupConversions().isEmpty()) {
            throw new Unknown();
        }
        Read[] reads = reads(type, p.getPropertyName());
        List<Type> types = Stream.of(reads).map(FastAccept::declared).toList();
        Check[] checks = checks(p.getConstraintDescriptors(), types);
        List<Check> elementChecks = new ArrayList<>();
        boolean elementsCascaded = false;
        for (ContainerElementTypeDescriptor e : p.getConstrainedContainerElementTypes()) {
            if (!Iterable.class.isAssignableFrom(e.getContainerClass())
                    || e.getTypeArgumentIndex() == null
                    || e.getTypeArgumentIndex() != 0
                    || !e.getConstrainedContainerElementTypes().isEmpty()
                    || !e.getGroupConversions().isEmpty()) {
                throw new Unknown();
            }
            elementChecks.addAll(List.of(checks(
                    e.getConstraintDescriptors(),
                    types.stream().map(FastAccept::element).toList())));
            elementsCascaded |= e.isCascaded();
        }
        return new Property(reads, checks, p.isCascaded(), elementChecks.toArray(Check[]::new), elementsCascaded);
    }

    /**
     * Every field and getter that Hibernate Validator could read the property from: a field of that name, or a
     * get/is/has getter, anywhere in the class's hierarchy. Each is checked, so a constraint on any of them holds.
     */
    private static Read[] reads(Class<?> type, String name) {
        List<Field> fields = new ArrayList<>();
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
                    fields.add(f);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (isGetterOf(m, name)) {
                    methods.add(m);
                }
            }
        }
        for (Method m : type.getMethods()) {
            if (isGetterOf(m, name) && !methods.contains(m)) {
                methods.add(m);
            }
        }
        List<Read> reads = new ArrayList<>();
        for (Field f : fields) {
            accessible(f);
            reads.add(new Read(f, null));
        }
        for (Method m : methods) {
            accessible(m);
            reads.add(new Read(null, m));
        }
        if (reads.isEmpty()) {
            throw new Unknown();
        }
        return reads.toArray(Read[]::new);
    }

    /**
     * Whether Hibernate Validator could take {@code m} for the getter of {@code property}: get, is or has and the
     * property's name in any case ({@code getURL}, {@code getx}), no parameters, a result.
     */
    private static boolean isGetterOf(Method m, String property) {
        if (m.getParameterCount() != 0 || m.getReturnType() == void.class || Modifier.isStatic(m.getModifiers())) {
            return false;
        }
        String n = m.getName();
        for (String prefix : GETTER_PREFIXES) {
            if (n.startsWith(prefix) && n.substring(prefix.length()).equalsIgnoreCase(property)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> GETTER_PREFIXES = List.of("get", "is", "has");

    /** The declared type of a field or getter. */
    private static Type declared(Read read) {
        return read.field() != null
                ? read.field().getGenericType()
                : read.getter().getGenericReturnType();
    }

    /** The first type argument of a declared container type ({@code List<String>} → String). */
    private static Type element(Type container) {
        if (container instanceof ParameterizedType p && p.getActualTypeArguments().length > 0) {
            Type arg = p.getActualTypeArguments()[0];
            if (arg instanceof Class<?> || arg instanceof ParameterizedType) {
                return arg;
            }
        }
        throw new Unknown();
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        throw new Unknown();
    }

    private static void accessible(AccessibleObject o) {
        if (!o.trySetAccessible()) {
            throw new Unknown();
        }
    }

    /**
     * The checks of these constraints on values declared as {@code types}. A constraint Hibernate Validator has no
     * validator for on one of the types (it would throw) is not one this class knows either.
     */
    private static Check[] checks(Set<ConstraintDescriptor<?>> descriptors, List<Type> types) {
        List<Check> checks = new ArrayList<>();
        for (ConstraintDescriptor<?> d : descriptors) {
            if (!d.getGroups().equals(Set.of(Default.class))
                    || !d.getComposingConstraints().isEmpty()
                    || d.getValueUnwrapping() == ValidateUnwrappedValue.UNWRAP) {
                throw new Unknown();
            }
            Check check = check(d);
            for (Type t : types) {
                if (!check.kind().takes(raw(t))) {
                    throw new Unknown();
                }
            }
            checks.add(check);
        }
        return checks.toArray(Check[]::new);
    }

    private static Check check(ConstraintDescriptor<?> d) {
        Annotation a = d.getAnnotation();
        if (a instanceof NotNull) {
            return Check.of(Kind.NOT_NULL);
        }
        if (a instanceof NotBlank) {
            return Check.of(Kind.NOT_BLANK);
        }
        if (a instanceof NotEmpty) {
            return Check.of(Kind.NOT_EMPTY);
        }
        if (a instanceof Size s) {
            if (s.min() < 0 || s.max() < s.min()) {
                throw new Unknown(); // Hibernate Validator refuses such bounds
            }
            return Check.bounded(Kind.SIZE, s.min(), s.max());
        }
        if (a instanceof Min m) {
            return Check.bounded(Kind.AT_LEAST, m.value(), 0);
        }
        if (a instanceof Max m) {
            return Check.bounded(Kind.AT_MOST, m.value(), 0);
        }
        if (a instanceof Positive) {
            return Check.bounded(Kind.ABOVE, 0, 0);
        }
        if (a instanceof PositiveOrZero) {
            return Check.bounded(Kind.AT_LEAST, 0, 0);
        }
        if (a instanceof Negative) {
            return Check.bounded(Kind.BELOW, 0, 0);
        }
        if (a instanceof NegativeOrZero) {
            return Check.bounded(Kind.AT_MOST, 0, 0);
        }
        if (a instanceof AssertTrue) {
            return Check.of(Kind.TRUE);
        }
        if (a instanceof AssertFalse) {
            return Check.of(Kind.FALSE);
        }
        if (a instanceof Pattern p) {
            PatternConstraintValidator pattern = new PatternConstraintValidator();
            pattern.initialize(p);
            return new Check(Kind.PATTERN, 0, 0, pattern, null);
        }
        if (a instanceof Email e && ".*".equals(e.regexp()) && e.flags().length == 0) {
            return Check.of(Kind.EMAIL);
        }
        Function<String, Optional<String>> rule = idRule(d);
        if (rule != null) {
            return new Check(Kind.ID, 0, 0, null, rule);
        }
        throw new Unknown();
    }

    /** The rule of an SDK identifier constraint (its one validator is an {@link IdValidator}); null for any other. */
    private static Function<String, Optional<String>> idRule(ConstraintDescriptor<?> d) {
        List<? extends Class<? extends ConstraintValidator<?, ?>>> classes = d.getConstraintValidatorClasses();
        if (classes.size() != 1 || !IdValidator.class.isAssignableFrom(classes.get(0))) {
            return null;
        }
        try {
            return ((IdValidator<?>) classes.get(0).getConstructor().newInstance()).rule();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Not null, and not an optional value, which Hibernate Validator may unwrap (the optional classes are final). */
    private static boolean present(Object v) {
        return v instanceof String || v != null && !Kind.UNWRAPPED.contains(v.getClass());
    }

    /** What {@link #compare} answers for a type it does not compare. */
    private static final int UNCOMPARED = Integer.MIN_VALUE;

    /**
     * The sign of {@code v} minus {@code bound}, as Hibernate Validator compares int, long, short, byte,
     * {@link BigDecimal} and {@link BigInteger} values with a bound; {@link #UNCOMPARED} for any other type.
     */
    private static int compare(Object v, long bound) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return Long.compare(((Number) v).longValue(), bound);
        }
        if (v instanceof BigDecimal d) {
            return Integer.signum(d.compareTo(BigDecimal.valueOf(bound)));
        }
        if (v instanceof BigInteger i) {
            return Integer.signum(i.compareTo(BigInteger.valueOf(bound)));
        }
        return UNCOMPARED;
    }

    /** The size {@code @Size} and {@code @NotEmpty} take of a value; -1 for a type this class does not size. */
    private static long size(Object v) {
        if (v instanceof String s) {
            return s.length();
        }
        if (v instanceof CharSequence s) {
            return s.length();
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        return -1;
    }
}
