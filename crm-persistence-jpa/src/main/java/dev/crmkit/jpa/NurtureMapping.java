package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The nurture entity classes (schema {@code V13__nurture.sql}), registered with {@link JpaStorage}. */
final class NurtureMapping {
    static final List<Class<?>> ENTITIES = List.of(SequenceRow.class, EnrollmentRow.class);

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
}
