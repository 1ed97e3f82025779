package dev.crmkit.core.task;

import java.util.EnumSet;
import java.util.Set;

/** Where a task stands; {@link #canMoveTo} is the whole state machine. DONE and CANCELLED are final. */
public enum TaskStatus {
    OPEN, DONE, CANCELLED;

    /** The statuses this one may move to. */
    public Set<TaskStatus> next() {
        return this == OPEN ? EnumSet.of(DONE, CANCELLED) : EnumSet.noneOf(TaskStatus.class);
    }

    public boolean canMoveTo(TaskStatus target) {
        return next().contains(target);
    }
}
