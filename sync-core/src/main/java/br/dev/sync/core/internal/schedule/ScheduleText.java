package br.dev.sync.core.internal.schedule;

import br.dev.sync.core.schedule.Schedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The wording of {@link Schedule#describe()}. */
public final class ScheduleText {
    private ScheduleText() {}

    public static String describe(Schedule s) {
        StringBuilder text = new StringBuilder();
        if (!s.enabled()) {
            text.append("disabled: ");
        }
        Duration repeat = s.repeat().orElse(Duration.ofDays(1));
        if (repeat.equals(Duration.ofDays(1))) {
            text.append("daily at ").append(s.start());
        } else {
            text.append("every ").append(hoursMinutes(repeat)).append(" from ").append(s.start());
        }
        text.append(" on ").append(days(s.weekdays()));
        text.append(" (").append(s.zone().getId()).append(')');
        if (!s.allEstablishments()) {
            text.append(", establishments ").append(String.join(",", s.establishments()));
        }
        if (!s.allSystems()) {
            text.append(", systems ").append(String.join(",", s.systems()));
        }
        s.quietHours().ifPresent(q -> text.append(", heavy plans not in ").append(q));
        return text.toString();
    }

    /** {@code 1:30}, or {@code 0:00:45} when there are seconds. */
    static String hoursMinutes(Duration d) {
        String hm = d.toHours() + ":" + two(d.toMinutesPart());
        return d.toSecondsPart() == 0 ? hm : hm + ":" + two(d.toSecondsPart());
    }

    /** {@code every day}, {@code no day}, {@code MON-FRI}, or {@code MON,WED,FRI}. */
    static String days(Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return "every day";
        }
        if (days.isEmpty()) {
            return "no day";
        }
        List<DayOfWeek> sorted = days.stream().sorted().toList();
        DayOfWeek first = sorted.get(0);
        DayOfWeek last = sorted.get(sorted.size() - 1);
        if (sorted.size() > 2 && last.getValue() - first.getValue() == sorted.size() - 1) {
            return abbreviate(first) + "-" + abbreviate(last);
        }
        List<String> names = new ArrayList<>();
        sorted.forEach(d -> names.add(abbreviate(d)));
        return String.join(",", names);
    }

    private static String abbreviate(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
