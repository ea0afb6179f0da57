package br.dev.sync.core;

import java.util.List;

/**
 * A configuration was refused. {@link #violations()} lists every problem found at once, each naming the setting
 * and what is wrong with it, so a user fixes them all in one pass.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class ConfigurationException extends SyncException {
    private final List<String> violations;

    public ConfigurationException(String what, List<String> violations) {
        super(what + " is not valid: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
