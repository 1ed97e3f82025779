package dev.crmkit.core.memory;

import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

final class MemoryTaskRepository extends MemoryRepository<TaskId, Task> implements TaskRepository {
    private static final Comparator<Task> BY_CREATION = Comparator.comparing(Task::createdAt)
            .thenComparing(Task::id);
    private static final Comparator<Task> BY_REMINDER = Comparator.comparing(Task::remindAt)
            .thenComparing(Task::id);

    MemoryTaskRepository(MemoryTable<TaskId, Task> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<Task> findOpenByAssignee(UserId assignee) {
        return lookup("openAssignee", assignee, Task.AGENDA_ORDER);
    }

    @Override
    public List<Task> findBySubject(Subject subject) {
        return lookup("subject", subject, BY_CREATION);
    }

    @Override
    public List<Task> findPendingReminders(Instant dueBy) {
        // Unordered lookup, then filter: a poll usually finds few of the pending reminders due.
        return lookup("pendingReminder", TenantTables.PENDING, (a, b) -> 0).stream()
                .filter(t -> t.remindAt() != null && !t.remindAt().isAfter(dueBy)).sorted(BY_REMINDER).toList();
    }

    @Override
    public List<Task> findPendingOverdue(Instant now) {
        return lookup("pendingOverdue", TenantTables.PENDING, (a, b) -> 0).stream()
                .filter(t -> t.due() != null && t.due().isBefore(now)).sorted(Comparator.comparing(Task::due)
                        .thenComparing(Task::id)).toList();
    }

    @Override
    public void forEachCreated(Instant from, Instant to, Consumer<? super Task> visitor) {
        forEachBetween(Task::createdAt, from, to, visitor);
    }
}
