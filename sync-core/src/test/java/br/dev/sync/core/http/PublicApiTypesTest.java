package br.dev.sync.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Feign, Failsafe and Jackson stay behind the toolkit: none of their types appears in a public signature. */
class PublicApiTypesTest {
    private static final List<Class<?>> PUBLIC_TYPES = List.of(
            HttpToolkit.class,
            HttpSettings.class,
            HttpSettings.Builder.class,
            CircuitBreakerSettings.class,
            ResilientCalls.class,
            Auth.class,
            Auth.None.class,
            Auth.Basic.class,
            Auth.ApiKey.class,
            Auth.TokenEndpoint.class);

    @Test
    void no_public_signature_mentions_feign_failsafe_or_jackson() {
        List<String> signatures = new ArrayList<>();
        for (Class<?> type : PUBLIC_TYPES) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    signatures.add(m.toGenericString());
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers())) {
                    signatures.add(c.toGenericString());
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    signatures.add(f.toGenericString());
                }
            }
        }

        assertThat(signatures).hasSizeGreaterThan(30);
        assertThat(signatures)
                .allSatisfy(s -> assertThat(Stream.of("feign.", "dev.failsafe.", "com.fasterxml.jackson."))
                        .noneMatch(s::contains));
    }
}
