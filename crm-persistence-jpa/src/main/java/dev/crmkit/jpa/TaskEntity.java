package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity(name = "TaskRow")
@Table(name = "crm_task")
@IdClass(TenantKey.class)
class TaskEntity extends VersionedRow {
    String title;
    String description;
    String subjectKind;
    UUID subjectId;
    String priority;
    String status;
    Instant due;
    Instant remindAt;
    Instant reminderFiredAt;
    Instant pendingRemindAt;
    Instant overdueFiredAt;
    /** The due time while its falling overdue is not announced yet, else null: what "overdue" reads by index. */
    Instant pendingOverdueAt;
    String assigneeId;
    String createdBy;
    UUID followUpOf;
    Instant createdAt;
    Instant updatedAt;
    Instant closedAt;
}
