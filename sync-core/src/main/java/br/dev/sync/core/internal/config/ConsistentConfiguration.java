package br.dev.sync.core.internal.config;

import br.dev.sync.core.config.SyncConfiguration;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rules across settings: the origin is a web address, streams are listed once, and every mapping rule names a
 * listed stream.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentConfiguration.Check.class)
public @interface ConsistentConfiguration {
    String message() default "settings do not agree";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link SyncConfiguration}; each problem is reported on the setting to change. */
    final class Check implements ConstraintValidator<ConsistentConfiguration, SyncConfiguration> {
        @Override
        public boolean isValid(SyncConfiguration c, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (c.origin() != null && c.origin().isJdbc()) {
                valid = report(context, "origin.url", "must be an http(s):// URL; only the destination may be jdbc:");
            }
            List<String> streams = c.streams() == null ? List.of() : c.streams();
            Set<String> seen = new HashSet<>();
            Set<String> twice = new TreeSet<>();
            streams.stream().filter(s -> !seen.add(s)).forEach(twice::add);
            if (!twice.isEmpty()) {
                valid = report(context, "streams", "each stream may be listed once; listed again: " + twice);
            }
            Set<String> unknown = new TreeSet<>(c.mapping().keySet());
            unknown.removeAll(streams);
            if (!unknown.isEmpty()) {
                valid = report(context, "mapping", "rules for streams that are not listed in streams: " + unknown);
            }
            return valid;
        }

        private static boolean report(ConstraintValidatorContext context, String path, String message) {
            String[] nodes = path.split("\\.");
            var builder = context.buildConstraintViolationWithTemplate(escape(message))
                    .addPropertyNode(nodes[0]);
            for (int i = 1; i < nodes.length; i++) {
                builder = builder.addPropertyNode(nodes[i]);
            }
            builder.addConstraintViolation();
            return false;
        }

        /** Stream names come from files: never let them be read as message expressions. */
        private static String escape(String message) {
            return message.replaceAll("([\\\\{}$])", "\\\\$1");
        }
    }
}
