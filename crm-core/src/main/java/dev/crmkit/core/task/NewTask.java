package dev.crmkit.core.task;

import dev.crmkit.core.common.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a user gives to create a task. Only {@code title} is required; {@code priority} defaults to NORMAL and
 * {@code assignee} to the acting user (assigning to someone else needs a manager of that user's team).
 */
public record NewTask(String title, @Nullable String description, @Nullable Subject subject,
                      @Nullable TaskPriority priority, @Nullable Instant due, @Nullable Instant remindAt,
                      @Nullable UserId assignee) {

    public static NewTask of(String title) {
        return new NewTask(title, null, null, null, null, null, null);
    }

    public NewTask about(@Nullable Subject s) {
        return new NewTask(title, description, s, priority, due, remindAt, assignee);
    }

    public NewTask withDescription(String d) {
        return new NewTask(title, d, subject, priority, due, remindAt, assignee);
    }

    public NewTask withPriority(TaskPriority p) {
        return new NewTask(title, description, subject, p, due, remindAt, assignee);
    }

    public NewTask dueAt(Instant d) {
        return new NewTask(title, description, subject, priority, d, remindAt, assignee);
    }

    public NewTask remindAt(Instant r) {
        return new NewTask(title, description, subject, priority, due, r, assignee);
    }

    public NewTask assignTo(UserId a) {
        return new NewTask(title, description, subject, priority, due, remindAt, a);
    }
}
