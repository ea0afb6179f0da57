package br.dev.sync.core.spi;

import java.util.List;

/**
 * A precondition a step declares, checked before the step runs. It answers what is missing, in words an operator
 * understands ("outpost 0002 has not sent its sales for 2026-11-21"); an empty list lets the step run.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Gate {
    String name();

    List<String> missing(GateContext context);
}
