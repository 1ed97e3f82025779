package dev.crmkit.core.task;

import dev.crmkit.core.common.Validation;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Checks that a {@link Subject} points to an existing record, for tasks and calendar events alike. */
final class Subjects {
    private Subjects() {
    }

    static void check(TaskTx tx, @Nullable Subject s, Validation v) {
        if (s == null) {
            return;
        }
        boolean exists = tx.subjects().exists(s);
        v.check(exists, "subject", "no such " + s.kind().name().toLowerCase(Locale.ROOT) + ": " + s.id());
    }
}
