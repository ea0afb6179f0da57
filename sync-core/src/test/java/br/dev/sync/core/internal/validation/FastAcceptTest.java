package br.dev.sync.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.dev.sync.core.validation.Cep;
import br.dev.sync.core.validation.CpfOrCnpj;
import br.dev.sync.core.validation.TrackingCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.GroupSequence;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
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
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FastAcceptTest {
    private static final Validator HIBERNATE = Validation.validator();
    private final FastAccept fast = new FastAccept(HIBERNATE);

    record Address(
            @NotNull @Cep String cep,
            @NotBlank @Size(min = 2, max = 8) String city) {}

    record Item(
            @NotBlank String name,
            @Positive int quantity,
            @NotNull @PositiveOrZero BigDecimal price,
            @Min(-5) @Max(5) Long delta,
            @NegativeOrZero BigInteger credit) {}

    /** Every constraint and shape the short cut knows, on one record. */
    record Everything(
            @NotNull @TrackingCode String code,

            @NotNull @Pattern(regexp = "[a-z]{2}\\d", flags = Pattern.Flag.CASE_INSENSITIVE)
            String tag,

            @Email @Size(max = 20) String email,
            @CpfOrCnpj String taxId,
            @Min(1) @Max(3) int format,
            @Negative Short below,
            @Positive Byte above,
            @NotEmpty List<String> notes,
            List<@NotNull @Size(max = 3) String> codes,
            List<@NotNull @Valid Item> items,
            @NotNull @Valid Address address,
            @Valid List<Address> others,
            @AssertFalse Boolean blocked) {

        @AssertTrue
        public boolean isCoherent() {
            return format != 2 || taxId != null;
        }
    }

    /**
     * Values on and around each constraint's edges, the first of each list valid: a tidy record takes it nine times
     * in ten, so that valid records, and records with one or two faults, are common.
     */
    static final class Records {
        private static final String CODE =
                "SS12345678" + br.dev.sync.core.validation.BrazilianIds.trackingCheckDigit("12345678") + "BR";
        private final Random r;
        private boolean tidy;

        Records(long seed) {
            this.r = new Random(seed);
        }

        Everything next() {
            tidy = r.nextBoolean();
            return new Everything(
                    pick(CODE, "SS123456789BR", "SS12345678BR", null),
                    pick("ab1", "AB1", "ab12", "a1", "", null),
                    pick(
                            "ana@ex.com.br",
                            "ana@ex",
                            "a.b@x-y.com",
                            "ana@@ex.com",
                            ".ana@ex.com",
                            "aaaa.bbbb@cccc.dd.com",
                            "ana@-ex.com",
                            "\"a b\"@ex.com",
                            "",
                            null),
                    pick("52998224725", "52998224726", "11.222.333/0001-81", "12.ABC.345/01DE-35", "1", null),
                    pick(1, 2, 3, 0, 4),
                    pick((short) -1, (short) 0, (short) 1, null),
                    pick((byte) 1, (byte) 0, (byte) -1, null),
                    pick(List.of("a"), List.of(), null),
                    pick(List.of("abc"), List.of("abcd"), Arrays.asList("a", null), List.of(), null),
                    pick(List.of(item()), List.of(item(), item()), Arrays.asList((Item) null), List.of(), null),
                    pick(address(), null),
                    pick(List.of(address()), List.of(), null),
                    pick(Boolean.FALSE, Boolean.TRUE, null));
        }

        private Item item() {
            return new Item(
                    pick("book", " ", "", null),
                    pick(1, 0, -1),
                    pick(new BigDecimal("0.00"), new BigDecimal("-0.01"), new BigDecimal("12.50"), null),
                    pick(-5L, 5L, -6L, 6L, null),
                    pick(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(-3), null));
        }

        private Address address() {
            return new Address(pick("01310-100", "0131", "00000000", null), pick("Rio", "R", "Sao Paulo", " ", null));
        }

        @SafeVarargs
        private <T> T pick(T... values) {
            return tidy && r.nextInt(10) > 0 ? values[0] : values[r.nextInt(values.length)];
        }
    }

    @Test
    void answersAsHibernateValidatorOnTenThousandSeededRandomRecords() {
        Records records = new Records(20261202);
        int valid = 0;
        int notPlain = 0;
        for (int i = 0; i < 10_000; i++) {
            Everything e = records.next();
            boolean hibernateValid = HIBERNATE.validate(e).isEmpty();
            // a valid address that is not plain ("a b"@ex.com, the empty one) is Hibernate Validator's to accept
            boolean plainEmail = e.email() == null || EmailConstraintValidator.plain(e.email());
            assertThat(fast.accepts(e)).as("record %d: %s", i, e).isEqualTo(hibernateValid && plainEmail);
            valid += hibernateValid ? 1 : 0;
            notPlain += hibernateValid && !plainEmail ? 1 : 0;
        }
        // both verdicts are well represented, so the comparison means something
        assertThat(valid).isBetween(1_000, 9_000);
        assertThat(notPlain).isPositive();
    }

    @Test
    void aValidRecordIsAnsweredWithoutViolationsAndAnInvalidOneWithHibernateValidatorsMessages() {
        Address ok = new Address("01310-100", "Rio");
        assertThat(fast.accepts(ok)).isTrue();
        assertThat(Validation.violations(ok)).isEmpty();
        assertThat(Validation.provenValid(ok)).isTrue();

        Address bad = new Address("0131", "Rio");
        assertThat(fast.accepts(bad)).isFalse();
        assertThat(Validation.violations(bad))
                .containsExactly("cep: is not a valid CEP: must have 8 digits, not 4 (value '0131')");
    }

    record Coded(@NotNull String code) {
        /** A getter of the same name as the field, with a constraint of its own. */
        @Size(max = 2)
        public String getCode() {
            return code + "-long";
        }
    }

    @Test
    void aPropertyWithAFieldAndAGetterIsCheckedOnBoth() {
        Coded c = new Coded("ab");
        assertThat(HIBERNATE.validate(c)).hasSize(1);
        assertThat(fast.accepts(c)).isFalse();
    }

    /** A getter named as Hibernate Validator also takes it: "get" and the property's name in another case. */
    public static final class LowerCaseGetter {
        public String x = "ok";

        @NotNull
        public String getx() {
            return null;
        }
    }

    @Test
    void aGetterOfThePropertysNameInAnyCaseIsCheckedToo() {
        LowerCaseGetter bean = new LowerCaseGetter();
        assertThat(HIBERNATE.validate(bean)).hasSize(1);
        assertThat(fast.accepts(bean)).isFalse();
    }

    record SizedObject(@Size(max = 3) Object value) {}

    record AssertedObject(@AssertTrue Object value) {}

    record BlankIterable(@Size(max = 3) Iterable<String> value) {}

    record InvertedSize(@Size(min = 5, max = 2) String value) {}

    static Stream<Object> misdeclared() {
        return Stream.of(
                new SizedObject("ab"),
                new AssertedObject(Boolean.TRUE),
                new BlankIterable(List.of("a")),
                new InvertedSize("abc"));
    }

    /** Hibernate Validator refuses these models; the short cut must not let their records through instead. */
    @ParameterizedTest
    @MethodSource("misdeclared")
    void aConstraintHibernateValidatorRefusesOnItsDeclaredTypeIsLeftToIt(Object bean) {
        assertThatThrownBy(() -> HIBERNATE.validate(bean)).isInstanceOf(jakarta.validation.ValidationException.class);
        assertThat(fast.accepts(bean)).isFalse();
    }

    @Test
    void aCascadeIsFollowedToTheRuntimeClassOfTheValue() {
        record Holder(@Valid Object value) {}
        assertThat(fast.accepts(new Holder(new Address("01310-100", "Rio")))).isTrue();
        assertThat(fast.accepts(new Holder(new Address("0131", "Rio")))).isFalse();
        assertThat(fast.accepts(new Holder("text without constraints"))).isTrue();
    }

    // ---- shapes left to Hibernate Validator, valid or not

    @Target({ElementType.TYPE, ElementType.FIELD, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = AlwaysValid.class)
    @interface Custom {
        String message() default "custom";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class AlwaysValid implements ConstraintValidator<Custom, Object> {
        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return true;
        }
    }

    @Target({ElementType.FIELD, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = {})
    @NotNull
    @Size(max = 3)
    @interface Composed {
        String message() default "composed";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    interface Strict {}

    @Custom
    record ClassLevel(@NotNull String a) {}

    record CustomField(@Custom String a) {}

    record ComposedField(@Composed String a) {}

    record OtherGroup(@NotNull(groups = Strict.class) String a) {}

    record DecimalBound(@DecimalMin("1.5") BigDecimal a) {}

    record MapCascade(@Valid Map<String, Address> a) {}

    record OptionalElement(Optional<@Size(max = 3) String> a) {}

    record NestedElements(List<List<@NotNull String>> a) {}

    record OptionalInteger(@NotNull OptionalInt a) {}

    @GroupSequence({Sequenced.class, Strict.class})
    record Sequenced(
            @NotNull String a,
            @NotNull(groups = Strict.class) String b) {}

    record DoubleBound(@Max(3) Double a) {}

    static Stream<Object> unknownShapes() {
        return Stream.of(
                new ClassLevel("x"),
                new CustomField("x"),
                new ComposedField("x"),
                new OtherGroup("x"),
                new DecimalBound(new BigDecimal("2")),
                new MapCascade(Map.of("k", new Address("01310-100", "Rio"))),
                new OptionalElement(Optional.of("ab")),
                new NestedElements(List.of(List.of("a"))),
                new OptionalInteger(OptionalInt.of(1)),
                new Sequenced("a", "b"),
                new DoubleBound(1.0));
    }

    @ParameterizedTest
    @MethodSource("unknownShapes")
    void aShapeItDoesNotKnowIsLeftToHibernateValidatorEvenWhenValid(Object bean) {
        assertThat(HIBERNATE.validate(bean)).isEmpty();
        assertThat(fast.accepts(bean)).isFalse();
        assertThat(Validation.violations(bean)).isEmpty();
    }

    @Test
    void anEmptyOptionalIntIsNotTakenForPresent() {
        OptionalInteger empty = new OptionalInteger(OptionalInt.empty());
        assertThat(fast.accepts(empty)).isFalse();
        assertThat(Validation.violations(empty)).isEqualTo(namesOf(HIBERNATE.validate(empty)));
    }

    private static List<String> namesOf(java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> found) {
        List<String> out = new ArrayList<>();
        found.stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> out.add(Validation.describe(v)));
        return out;
    }

    @Test
    void aCascadeDeeperThanItsLimitIsLeftToHibernateValidator() {
        record Node(@NotNull String name, @Valid Node next) {}
        Node chain = null;
        for (int i = 0; i < 40; i++) {
            chain = new Node("n" + i, chain);
        }
        assertThat(HIBERNATE.validate(chain)).isEmpty();
        assertThat(fast.accepts(chain)).isFalse();
        Node shallow = new Node("a", new Node("b", null));
        assertThat(fast.accepts(shallow)).isTrue();
    }
}
