package dev.crmkit.core.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a task (to-do, reminder or follow-up). */
public record TaskId(UUID value) implements EntityId {
    public TaskId {
        Objects.requireNonNull(value, "TaskId");
    }

    public static TaskId of(UUID value) {
        return new TaskId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@link ValidationException}. */
    public static TaskId parse(String text) {
        return new TaskId(Ids.parse(text, "TaskId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
