package br.dev.sync.portal;

import static org.assertj.core.api.Assertions.assertThat;

import br.dev.sync.portal.sandbox.Faults;
import br.dev.sync.portal.sandbox.PortalSandbox;
import br.dev.sync.portal.sandbox.SandboxOptions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** No Feign, Jackson, Failsafe or internal type appears in the public API; the user sees SDK types only. */
class PublicApiTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            ".*(feign\\.|com\\.fasterxml\\.|dev\\.failsafe\\.|br\\.dev\\.sync\\.portal\\.internal\\.).*");

    @Test
    void publicSignaturesUseNoLibraryOrInternalTypes() {
        List<String> found = new ArrayList<>();
        for (Class<?> type : List.of(
                PortalPostal.class,
                PortalConfig.class,
                PortalConfig.Builder.class,
                PortalStreams.class,
                PortalTables.class,
                RemoteSales.class,
                MovementConfirmation.class,
                PortalSandbox.class,
                SandboxOptions.class,
                Faults.class)) {
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                types.add(m.getGenericReturnType());
                for (Type t : types) {
                    if (FORBIDDEN.matcher(t.getTypeName()).matches()) {
                        found.add(type.getSimpleName() + "." + m.getName() + ": " + t.getTypeName());
                    }
                }
            }
            for (var f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())
                        && FORBIDDEN.matcher(f.getGenericType().getTypeName()).matches()) {
                    found.add(type.getSimpleName() + "." + f.getName() + ": " + f.getGenericType());
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
