package dev.crmkit.core.memory;

import static dev.crmkit.core.memory.TenantTables.index;
import static dev.crmkit.core.memory.TenantTables.one;

import dev.crmkit.core.memory.MemoryTable.IndexSpec;
import dev.crmkit.core.nurture.Enrollment;
import dev.crmkit.core.nurture.EnrollmentId;
import dev.crmkit.core.nurture.EnrollmentRepository;
import dev.crmkit.core.nurture.EnrollmentStatus;
import dev.crmkit.core.nurture.Sequence;
import dev.crmkit.core.nurture.SequenceId;
import java.util.List;

/** One tenant's nurture sequences and enrollments; guarded by the tenant's lock like every table. */
final class NurtureTables {
    static final String ACTIVE = "active";

    final MemoryTable<SequenceId, Sequence> sequences = new MemoryTable<>("Sequence", Sequence::id, List.of());

    final MemoryTable<EnrollmentId, Enrollment> enrollments = new MemoryTable<>("Enrollment", Enrollment::id,
            List.of(
                    // One open enrollment per person and sequence.
                    new IndexSpec<>("open", e -> one(e.open() ? EnrollmentRepository.openKey(e.sequence(), e.lead())
                            : null), true),
                    index("lead", e -> one(e.lead())),
                    index("sequence", e -> one(e.sequence())),
                    index("active", e -> one(e.status() == EnrollmentStatus.ACTIVE ? ACTIVE : null))));
}
