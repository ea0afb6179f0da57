package br.dev.sync.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SDK's @Pattern validator answers as Hibernate Validator's own does: validity, message and path. */
class PatternConstraintValidatorTest {
    record Patterned(
            @Pattern(regexp = "\\d{5}") String serviceCode,

            @Pattern(regexp = "[a-z]{2,4}", flags = Pattern.Flag.CASE_INSENSITIVE)
            String code,

            @Pattern(regexp = "(\\$|R\\$)?\\{\\d+\\}") String braces,

            @Pattern(regexp = "\\d{2}", message = "area {regexp} expected, got ${validatedValue}")
            String area,

            List<@Pattern(regexp = "\\d{3}") String> services) {}

    @RegisterExtension
    static final BuiltInValidator builtIn = new BuiltInValidator();

    private static final Validator sdk = Validation.validator();

    private static String value(Random r) {
        String[] typical = {"12345", "1234", "ab", "ABC", "abcde", "{12}", "R${7}", "${1}", "$", "\\", "07", "7"};
        if (r.nextInt(6) == 0) {
            return null;
        }
        if (r.nextBoolean()) {
            return typical[r.nextInt(typical.length)];
        }
        String chars = "0123456789abAB{}$R\\ \n";
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(7); i > 0; i--) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }

    private static Patterned patterned(Random r) {
        List<String> services = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            services.add(r.nextBoolean() ? "025" : value(r));
        }
        return new Patterned(value(r), value(r), value(r), value(r), services);
    }

    /** Each violation as "path | message | invalid value", sorted. */
    private static Set<String> described(Set<? extends ConstraintViolation<?>> violations) {
        Set<String> out = new TreeSet<>();
        violations.forEach(v -> out.add(v.getPropertyPath() + " | " + v.getMessage() + " | " + v.getInvalidValue()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void violationsAreThoseOfTheBuiltInValidator(long seed) {
        Random r = new Random(seed);
        Validator reference = builtIn.validator();
        int violations = 0;
        for (int i = 0; i < 2_000; i++) {
            Patterned p = patterned(r);
            Set<String> expected = described(reference.validate(p));
            assertThat(described(sdk.validate(p))).as("%s", p).isEqualTo(expected);
            violations += expected.size();
        }
        assertThat(violations).as("the random values break the patterns often").isGreaterThan(1_000);
    }

    @Test
    void theMessageNamesTheRegexpAsWritten() {
        Set<String> found = described(sdk.validate(new Patterned("12a", "abcde", "{x}", "7", List.of("1"))));

        assertThat(found)
                .containsExactly(
                        "area | area \\d{2} expected, got 7 | 7",
                        "braces | must match \"(\\$|R\\$)?\\{\\d+\\}\" | {x}",
                        "code | must match \"[a-z]{2,4}\" | abcde",
                        "serviceCode | must match \"\\d{5}\" | 12a",
                        "services[0].<list element> | must match \"\\d{3}\" | 1");
    }

    @Test
    void threadsValidatingAtOnceGetTheirOwnAnswers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = 100 + t;
                Callable<Integer> work = () -> {
                    Random r = new Random(seed);
                    Validator reference = builtIn.validator();
                    int wrong = 0;
                    for (int i = 0; i < 3_000; i++) {
                        Patterned p = patterned(r);
                        if (!described(sdk.validate(p)).equals(described(reference.validate(p)))) {
                            wrong++;
                        }
                    }
                    return wrong;
                };
                mismatches.add(pool.submit(work));
            }
            for (Future<Integer> f : mismatches) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    record Broken(@Pattern(regexp = "[unclosed") String value) {}

    @Test
    void anInvalidRegexpIsAValidationErrorNamingIt() {
        assertThatThrownBy(() -> sdk.validate(new Broken("x")))
                .isInstanceOf(ValidationException.class)
                .hasStackTraceContaining("[unclosed");
    }
}
