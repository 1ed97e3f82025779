package dev.crmkit.core.task;

import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.List;

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

    @Override
    default String kind() {
        return "Task";
    }
}
