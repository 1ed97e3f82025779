package dev.crmkit.jpa;

import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskPriority;
import dev.crmkit.core.task.TaskRepository;
import dev.crmkit.core.task.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

final class JpaTaskRepository extends JpaRepository<TaskId, Task, TaskEntity> implements TaskRepository {

    JpaTaskRepository(JpaTx tx) {
        super(tx, TaskEntity.class);
    }

    @Override
    TaskEntity toRow(Task t) {
        TaskEntity r = new TaskEntity();
        r.title = t.title();
        r.description = t.description();
        r.subjectKind = TaskMapping.subjectKind(t.subject());
        r.subjectId = TaskMapping.subjectId(t.subject());
        r.priority = t.priority().name();
        r.status = t.status().name();
        r.due = t.due();
        r.remindAt = t.remindAt();
        r.reminderFiredAt = t.reminderFiredAt();
        r.pendingRemindAt = t.reminderPending() ? t.remindAt() : null;
        r.overdueFiredAt = t.overdueFiredAt();
        r.pendingOverdueAt = t.overduePending() ? t.due() : null;
        r.assigneeId = t.assignee().value();
        r.createdBy = t.createdBy().value();
        r.followUpOf = Ids.uuid(t.followUpOf());
        r.createdAt = t.createdAt();
        r.updatedAt = t.updatedAt();
        r.closedAt = t.closedAt();
        return r;
    }

    @Override
    Task toDomain(TaskEntity r) {
        return new Task(TaskId.of(r.id), r.version, r.title, r.description,
                TaskMapping.subject(r.subjectKind, r.subjectId), TaskPriority.valueOf(r.priority),
                TaskStatus.valueOf(r.status), r.due, r.remindAt, r.reminderFiredAt, r.overdueFiredAt,
                UserId.of(r.assigneeId),
                UserId.of(r.createdBy), r.followUpOf == null ? null : TaskId.of(r.followUpOf), r.createdAt,
                r.updatedAt, r.closedAt);
    }

    @Override
    public List<Task> findOpenByAssignee(UserId assignee) {
        Filter open = new Filter(tx.tenantId()).and("r.assigneeId = :assignee", "assignee", assignee.value())
                .and("r.status = :open", "open", TaskStatus.OPEN.name());
        return TaskMapping.sorted(list(open, "r.due"), Task.AGENDA_ORDER);
    }

    @Override
    public List<Task> findBySubject(Subject subject) {
        return list(TaskMapping.bySubject(tx.tenantId(), subject), "r.createdAt, r.id");
    }

    @Override
    public List<Task> findPendingReminders(Instant dueBy) {
        return list(new Filter(tx.tenantId()).and("r.pendingRemindAt <= :dueBy", "dueBy", dueBy),
                "r.pendingRemindAt, r.id");
    }

    @Override
    public List<Task> findPendingOverdue(Instant now) {
        return list(new Filter(tx.tenantId()).and("r.pendingOverdueAt < :now", "now", now),
                "r.pendingOverdueAt, r.id");
    }

    @Override
    public void forEachCreated(Instant from, Instant to, Consumer<? super Task> visitor) {
        forEachBetween("createdAt", from, to, visitor);
    }
}
