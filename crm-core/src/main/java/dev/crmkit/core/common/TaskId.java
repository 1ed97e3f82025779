package dev.crmkit.core.common;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Identifies a task (to-do, reminder or follow-up). */
public record TaskId(UUID value) implements EntityId, Ref<TaskId> {
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

    /** The id itself: a change passed an id applies to the record as stored now. */
    @Override
    public TaskId id() {
        return this;
    }

    @Override
    public OptionalLong expectedVersion() {
        return OptionalLong.empty();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
