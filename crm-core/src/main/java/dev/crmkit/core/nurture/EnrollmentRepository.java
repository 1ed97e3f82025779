package dev.crmkit.core.nurture;

import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for enrollments. Every lookup is an index hit: the open one of a person in a sequence, a person's,
 * a sequence's, and the active ones due by time.
 */
public interface EnrollmentRepository extends Repository<EnrollmentId, Enrollment> {
    /** The lead's active or paused enrollment in {@code sequence}, if any. */
    Optional<Enrollment> findOpen(SequenceId sequence, LeadId lead);

    /** The lead's enrollments, oldest first (by id). */
    List<Enrollment> ofLead(LeadId lead);

    /** The sequence's enrollments, oldest first (by id). */
    List<Enrollment> ofSequence(SequenceId sequence);

    /** Up to {@code limit} active enrollments due by {@code now}, the earliest first. */
    List<Enrollment> due(Instant now, int limit);

    @Override
    default String kind() {
        return "Enrollment";
    }

    /** What adapters index uniquely while an enrollment is open: one per person and sequence. */
    static String openKey(SequenceId sequence, LeadId lead) {
        return sequence + "/" + lead;
    }
}
