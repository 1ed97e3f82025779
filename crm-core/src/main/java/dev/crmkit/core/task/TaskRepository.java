package dev.crmkit.core.task;

import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Storage port for tasks. Every lookup here must be an index hit in an adapter: open tasks by assignee, tasks by
 * subject, and pending reminders by reminder time (a JPA adapter indexes {@code remind_at} of rows whose reminder
 * is pending).
 */
public interface TaskRepository extends Repository<TaskId, Task> {
    /** The assignee's OPEN tasks in {@link Task#AGENDA_ORDER}. */
    List<Task> findOpenByAssignee(UserId assignee);

    /** Tasks about {@code subject} in any status, oldest first. */
    List<Task> findBySubject(Subject subject);

    /** Open tasks whose reminder is pending ({@link Task#reminderPending()}) and due at or before {@code dueBy}. */
    List<Task> findPendingReminders(Instant dueBy);

    /** Open tasks due before {@code now} whose falling overdue was not announced yet ({@link Task#overduePending}). */
    List<Task> findPendingOverdue(Instant now);

    /**
     * Calls {@code visitor} once for every task of the tenant created in {@code [from, to)} (either bound null for
     * open), in no particular order. A bulk read for reports, not a lookup: adapters may scan, and should stream
     * rather than load the whole range at once. The visitor runs inside the transaction and must not use the
     * storage.
     */
    void forEachCreated(Instant from, Instant to, Consumer<? super Task> visitor);

    @Override
    default String kind() {
        return "Task";
    }
}
