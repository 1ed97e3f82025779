package dev.crmkit.core.task;

import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A to-do for one user, optionally about a {@link Subject}, with an optional due time and reminder. Immutable: every
 * change returns a new task; status changes go through the {@link TaskStatus} state machine.
 *
 * @param due             when it must be done, or null for "some time"
 * @param remindAt        when the assignee wants to be reminded, or null
 * @param reminderFiredAt when the reminder was delivered ({@code fireDueReminders}); null while still pending
 * @param overdueFiredAt  when its falling overdue was announced ({@code fireOverdue}); null until then, and again
 *                        after the due time changes
 * @param followUpOf      the completed task this one follows up, if any
 * @param closedAt        when it was done or cancelled
 */
public record Task(
        TaskId id,
        long version,
        String title,
        @Nullable String description,
        @Nullable Subject subject,
        TaskPriority priority,
        TaskStatus status,
        @Nullable Instant due,
        @Nullable Instant remindAt,
        @Nullable Instant reminderFiredAt,
        @Nullable Instant overdueFiredAt,
        UserId assignee,
        UserId createdBy,
        @Nullable TaskId followUpOf,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant closedAt) implements Versioned<TaskId, Task> {

    /** Agenda order: by due time (undated last), then higher priority first, then id. */
    public static final Comparator<Task> AGENDA_ORDER = Comparator
            .comparing(Task::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::priority, Comparator.reverseOrder())
            .thenComparing(Task::id);

    public Task {
        // Every adapter keeps microseconds: cut here, so memory reads back what a database would.
        due = Validation.storable(due);
        remindAt = Validation.storable(remindAt);
        overdueFiredAt = Validation.storable(overdueFiredAt);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** True while the task is open and its reminder time is set but not yet delivered. */
    public boolean reminderPending() {
        return status == TaskStatus.OPEN && remindAt != null && reminderFiredAt == null;
    }

    /** True when the task is open and its due time lies before {@code now}. */
    public boolean isOverdue(Instant now) {
        return status == TaskStatus.OPEN && due != null && due.isBefore(now);
    }

    /** This task in {@code target} status, or {@link IllegalTransitionException}. */
    public Task moveTo(TaskStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("Task", status, target);
        }
        return new Task(id, version, title, description, subject, priority, target, due, remindAt, reminderFiredAt,
                overdueFiredAt, assignee, createdBy, followUpOf, createdAt, now, target == TaskStatus.OPEN ? null : now);
    }

    public Task withAssignee(UserId newAssignee, Instant now) {
        return new Task(id, version, title, description, subject, priority, status, due, remindAt, reminderFiredAt,
                overdueFiredAt, newAssignee, createdBy, followUpOf, createdAt, now, closedAt);
    }

    /** A copy about {@code newSubject} (null: about nothing), e.g. when the lead it was about is converted. */
    public Task withSubject(Subject newSubject, Instant now) {
        return new Task(id, version, title, description, newSubject, priority, status, due, remindAt,
                reminderFiredAt, overdueFiredAt, assignee, createdBy, followUpOf, createdAt, now, closedAt);
    }

    /** A copy due at {@code newDue} (null: no due time); a new due time can fall overdue again. */
    public Task withDue(Instant newDue, Instant now) {
        return new Task(id, version, title, description, subject, priority, status, newDue, remindAt,
                reminderFiredAt, null, assignee, createdBy, followUpOf, createdAt, now, closedAt);
    }

    /** A copy reminding at {@code newRemindAt} (null: none); a new reminder time is pending again. */
    public Task withReminder(Instant newRemindAt, Instant now) {
        return new Task(id, version, title, description, subject, priority, status, due, newRemindAt, null,
                overdueFiredAt, assignee, createdBy, followUpOf, createdAt, now, closedAt);
    }

    /** A copy whose reminder was delivered at {@code now}. */
    public Task reminderFired(Instant now) {
        return new Task(id, version, title, description, subject, priority, status, due, remindAt, now,
                overdueFiredAt, assignee, createdBy, followUpOf, createdAt, now, closedAt);
    }

    /** True while the task is open, has a due time and its falling overdue was not announced yet. */
    public boolean overduePending() {
        return status == TaskStatus.OPEN && due != null && overdueFiredAt == null;
    }

    /** A copy whose falling overdue was announced at {@code now}. */
    public Task overdueFired(Instant now) {
        return new Task(id, version, title, description, subject, priority, status, due, remindAt, reminderFiredAt,
                now, assignee, createdBy, followUpOf, createdAt, now, closedAt);
    }

    /** This task with its title and description passed through {@code scrub} (an erasure keeps the rep's work). */
    public Task redacted(UnaryOperator<String> scrub) {
        return new Task(id, version, scrub.apply(title), description == null ? null : scrub.apply(description), subject,
                priority, status, due, remindAt, reminderFiredAt, overdueFiredAt, assignee, createdBy, followUpOf,
                createdAt, updatedAt, closedAt);
    }

    @Override
    public Task withVersion(long newVersion) {
        return new Task(id, newVersion, title, description, subject, priority, status, due, remindAt,
                reminderFiredAt, overdueFiredAt, assignee, createdBy, followUpOf, createdAt, updatedAt, closedAt);
    }
}
