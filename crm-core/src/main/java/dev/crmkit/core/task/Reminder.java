package dev.crmkit.core.task;

import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A task's reminder that fell due: whom to alert, about what, and since when. */
public record Reminder(TaskId task, UserId assignee, String title, @Nullable Subject subject, @Nullable Instant due,
                       @Nullable Instant remindAt) {

    static Reminder of(Task t) {
        return new Reminder(t.id(), t.assignee(), t.title(), t.subject(), t.due(), t.remindAt());
    }
}
