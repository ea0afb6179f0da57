package br.dev.sync.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named, ordered graph of steps: Portal Postal's QUICK and FULL are plans. A step runs once every step it names
 * in {@link Step#after()} has succeeded; independent steps may run in parallel. {@link #builder(String)} checks
 * the graph: unique names, known dependencies, no cycles.
 *
 * <p>Immutable and thread-safe.
 */
public final class Plan {
    private final String name;
    private final List<Step> steps;

    private Plan(String name, List<Step> steps) {
        this.name = name;
        this.steps = List.copyOf(steps);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A plan of one step. */
    public static Plan of(String name, Step step) {
        return builder(name).step(step).build();
    }

    public String name() {
        return name;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The steps in an order that respects every dependency (the order they were added, where free). */
    public List<Step> ordered() {
        Map<String, Step> byName = new LinkedHashMap<>();
        steps.forEach(s -> byName.put(s.name(), s));
        List<Step> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (out.size() < steps.size()) {
            for (Step s : steps) {
                if (!done.contains(s.name()) && done.containsAll(s.after())) {
                    out.add(s);
                    done.add(s.name());
                }
            }
        }
        return out;
    }

    /** A plan with the same steps plus one more. */
    public Plan with(Step step) {
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return builder(name).steps(more).build();
    }

    @Override
    public String toString() {
        return "plan " + name + " " + steps.stream().map(Step::name).toList();
    }

    /** Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<Step> steps = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder step(Step step) {
            steps.add(step);
            return this;
        }

        public Builder steps(List<? extends Step> more) {
            steps.addAll(more);
            return this;
        }

        public Plan build() {
            List<String> problems = new ArrayList<>();
            if (name == null || name.isBlank()) {
                problems.add("name: is required");
            }
            if (steps.isEmpty()) {
                problems.add("steps: a plan needs at least one step");
            }
            Map<String, Step> byName = new HashMap<>();
            for (Step s : steps) {
                if (byName.put(s.name(), s) != null) {
                    problems.add("step '" + s.name() + "': the name is used twice");
                }
            }
            for (Step s : steps) {
                for (String dep : s.after()) {
                    if (!byName.containsKey(dep)) {
                        problems.add("step '" + s.name() + "': runs after unknown step '" + dep + "'");
                    }
                }
            }
            if (problems.isEmpty()) {
                findCycle(byName).ifPresent(c -> problems.add("steps: dependency cycle " + c));
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("plan " + name, problems);
            }
            return new Plan(name, steps);
        }

        private static java.util.Optional<String> findCycle(Map<String, Step> byName) {
            Set<String> done = new HashSet<>();
            boolean progress = true;
            while (progress && done.size() < byName.size()) {
                progress = false;
                for (Step s : byName.values()) {
                    if (!done.contains(s.name()) && done.containsAll(s.after())) {
                        done.add(s.name());
                        progress = true;
                    }
                }
            }
            if (done.size() == byName.size()) {
                return java.util.Optional.empty();
            }
            List<String> stuck = byName.keySet().stream()
                    .filter(n -> !done.contains(n))
                    .sorted()
                    .toList();
            return java.util.Optional.of("among " + stuck);
        }
    }
}
