package dev.crmkit.core.memory;

import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.nurture.Enrollment;
import dev.crmkit.core.nurture.EnrollmentId;
import dev.crmkit.core.nurture.EnrollmentRepository;
import dev.crmkit.core.nurture.Sequence;
import dev.crmkit.core.nurture.SequenceId;
import dev.crmkit.core.nurture.SequenceRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The in-memory nurture repositories. */
final class MemoryNurtureRepositories {
    private MemoryNurtureRepositories() {
    }

    static final class Sequences extends MemoryRepository<SequenceId, Sequence> implements SequenceRepository {
        Sequences(NurtureTables tables, MemoryTx tx) {
            super(tables.sequences, tx);
        }

        @Override
        public List<Sequence> list() {
            tx.checkOpen();
            return table.scan().sorted(Comparator.comparing(Sequence::id)).toList();
        }
    }

    static final class Enrollments extends MemoryRepository<EnrollmentId, Enrollment>
            implements EnrollmentRepository {
        private static final Comparator<Enrollment> BY_ID = Comparator.comparing(Enrollment::id);

        Enrollments(NurtureTables tables, MemoryTx tx) {
            super(tables.enrollments, tx);
        }

        @Override
        public Optional<Enrollment> findOpen(SequenceId sequence, LeadId lead) {
            return lookup("open", EnrollmentRepository.openKey(sequence, lead), BY_ID).stream().findFirst();
        }

        @Override
        public List<Enrollment> ofLead(LeadId lead) {
            return lookup("lead", lead, BY_ID);
        }

        @Override
        public List<Enrollment> ofSequence(SequenceId sequence) {
            return lookup("sequence", sequence, BY_ID);
        }

        @Override
        public List<Enrollment> due(Instant now, int limit) {
            // Unordered lookup, then filter: most active enrollments wait.
            return lookup("active", NurtureTables.ACTIVE, (a, b) -> 0).stream()
                    .filter(e -> e.dueAt() != null && !e.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Enrollment::dueAt).thenComparing(Enrollment::id))
                    .limit(limit).toList();
        }
    }
}
