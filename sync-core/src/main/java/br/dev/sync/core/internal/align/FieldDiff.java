package br.dev.sync.core.internal.align;

import br.dev.sync.core.ConflictRules;
import br.dev.sync.core.Difference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The CHANGED differences between a local row's fields and the origin's: one per differing field. */
final class FieldDiff {
    private FieldDiff() {}

    static List<Difference> changed(
            String stream, String key, Map<String, Object> local, Map<String, Object> origin, Set<String> ignored) {
        Set<String> names = new LinkedHashSet<>(origin.keySet());
        names.addAll(local.keySet());
        List<Difference> out = new ArrayList<>();
        for (String name : names) {
            if (ignored.contains(name)) {
                continue;
            }
            Object l = local.get(name);
            Object o = origin.get(name);
            if (!ConflictRules.sameValue(l, o)) {
                out.add(new Difference(stream, key, Difference.Kind.CHANGED, name, l, o));
            }
        }
        return out;
    }
}
