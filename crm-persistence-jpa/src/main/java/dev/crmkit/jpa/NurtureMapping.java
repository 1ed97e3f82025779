package dev.crmkit.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import dev.crmkit.core.email.EmailService;
import dev.crmkit.core.email.SentEmailId;
import dev.crmkit.core.nurture.Enrollment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The nurture entity classes (schema {@code V13__nurture.sql}, {@code V14__nurture_steps.sql}), registered with
 * {@link JpaStorage}.
 */
final class NurtureMapping {
    static final List<Class<?>> ENTITIES = List.of(SequenceRow.class, EnrollmentRow.class, StepRow.class);

    private NurtureMapping() {
    }

    @Entity(name = "NurtureSequenceRow")
    @Table(name = "crm_nurture_sequence")
    @IdClass(TenantKey.class)
    static class SequenceRow extends VersionedRow {
        String name;
        String definition;
        boolean active;
        Instant createdAt;
        Instant updatedAt;
    }

    @Entity(name = "NurtureEnrollmentRow")
    @Table(name = "crm_nurture_enrollment")
    @IdClass(TenantKey.class)
    static class EnrollmentRow extends VersionedRow {
        UUID sequenceId;
        UUID leadId;
        String status;
        String step;
        Instant dueAt;
        /** The steps gone through, as a JSON array. */
        String path;
        /** The emails sent by step, as a JSON object of step to email id. */
        String sent;
        String exitReason;
        String openKey;
        Instant enrolledAt;
        Instant updatedAt;
    }

    /** A step an enrollment went through: its path as rows, for per-step statistics pushed down to SQL. */
    @Entity(name = "NurtureStepRow")
    @Table(name = "crm_nurture_step")
    @IdClass(KeyRow.Key.class)
    @AttributeOverride(name = "keyValue", column = @Column(name = "step"))
    @AttributeOverride(name = "ownerId", column = @Column(name = "enrollment_id"))
    static class StepRow extends KeyRow {
        UUID sequenceId;
        UUID leadId;
        UUID sentEmailId;
        /** {@code EmailService.clickEventPrefix} of the sent email, which its clicks' external ids start with. */
        String clickPrefix;
        Instant enrolledAt;

        StepRow() {
        }

        StepRow(String tenantId, Enrollment e, String step) {
            super(tenantId, step, e.id().value());
            sequenceId = e.sequence().value();
            leadId = e.lead().value();
            SentEmailId email = e.sent().get(step);
            sentEmailId = email == null ? null : email.value();
            clickPrefix = email == null ? null : EmailService.clickEventPrefix(email);
            enrolledAt = e.enrolledAt();
        }
    }
}
