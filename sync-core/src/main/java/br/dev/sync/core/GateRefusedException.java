package br.dev.sync.core;

import java.util.List;

/**
 * A step was refused because a precondition it declares does not hold, for example the BDF import of a day
 * before every outpost has sent its sales. Nothing of the step ran. {@link #missing()} names what is missing.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class GateRefusedException extends SyncException {
    private final String step;
    private final List<String> missing;

    public GateRefusedException(String step, String gate, List<String> missing) {
        super("step '" + step + "' refused by gate '" + gate + "': " + String.join("; ", missing));
        this.step = step;
        this.missing = List.copyOf(missing);
    }

    public String step() {
        return step;
    }

    public List<String> missing() {
        return missing;
    }
}
