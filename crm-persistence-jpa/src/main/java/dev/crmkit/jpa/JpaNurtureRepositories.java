package dev.crmkit.jpa;

import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.email.SentEmailId;
import dev.crmkit.core.nurture.Enrollment;
import dev.crmkit.core.nurture.EnrollmentId;
import dev.crmkit.core.nurture.EnrollmentRepository;
import dev.crmkit.core.nurture.EnrollmentStatus;
import dev.crmkit.core.nurture.ExitReason;
import dev.crmkit.core.nurture.Sequence;
import dev.crmkit.core.nurture.SequenceDefinition;
import dev.crmkit.core.nurture.SequenceId;
import dev.crmkit.core.nurture.SequenceRepository;
import dev.crmkit.jpa.NurtureMapping.EnrollmentRow;
import dev.crmkit.jpa.NurtureMapping.SequenceRow;
import dev.crmkit.jpa.NurtureMapping.StepRow;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.StatelessSession;

/** The JPA nurture repositories. */
final class JpaNurtureRepositories {
    private JpaNurtureRepositories() {
    }

    static final class Sequences extends JpaRepository<SequenceId, Sequence, SequenceRow>
            implements SequenceRepository {
        Sequences(JpaTx tx) {
            super(tx, SequenceRow.class);
        }

        @Override
        SequenceRow toRow(Sequence s) {
            SequenceRow r = new SequenceRow();
            r.name = s.name();
            r.definition = s.definition().toJson();
            r.active = s.active();
            r.createdAt = s.createdAt();
            r.updatedAt = s.updatedAt();
            return r;
        }

        @Override
        Sequence toDomain(SequenceRow r) {
            return new Sequence(SequenceId.of(r.id), r.version, SequenceDefinition.fromJson(r.definition), r.active,
                    r.createdAt, r.updatedAt);
        }

        @Override
        public List<Sequence> list() {
            // Sorted here: MariaDB's UUID type orders ids other than v6+ differently from the domain's order.
            return TaskMapping.sorted(list(new Filter(tx.tenantId()), "r.id"), Comparator.comparing(Sequence::id));
        }
    }

    static final class Enrollments extends JpaRepository<EnrollmentId, Enrollment, EnrollmentRow>
            implements EnrollmentRepository {
        private static final Comparator<Enrollment> BY_ID = Comparator.comparing(Enrollment::id);

        Enrollments(JpaTx tx) {
            super(tx, EnrollmentRow.class);
        }

        @Override
        EnrollmentRow toRow(Enrollment e) {
            EnrollmentRow r = new EnrollmentRow();
            r.sequenceId = e.sequence().value();
            r.leadId = e.lead().value();
            r.status = e.status().name();
            r.step = e.step();
            r.dueAt = e.dueAt();
            r.path = JsonColumns.stringList(e.path());
            Map<String, String> sent = new LinkedHashMap<>();
            e.sent().forEach((step, id) -> sent.put(step, id.toString()));
            r.sent = JsonColumns.stringMap(sent);
            r.exitReason = e.exitReason() == null ? null : e.exitReason().name();
            r.openKey = e.open() ? EnrollmentRepository.openKey(e.sequence(), e.lead()) : null;
            r.enrolledAt = e.enrolledAt();
            r.updatedAt = e.updatedAt();
            return r;
        }

        @Override
        Enrollment toDomain(EnrollmentRow r) {
            Map<String, SentEmailId> sent = new LinkedHashMap<>();
            JsonColumns.stringMap(r.sent).forEach((step, id) -> sent.put(step, SentEmailId.of(UUID.fromString(id))));
            return new Enrollment(EnrollmentId.of(r.id), r.version, SequenceId.of(r.sequenceId), LeadId.of(r.leadId),
                    EnrollmentStatus.valueOf(r.status), r.step, r.dueAt, JsonColumns.stringList(r.path), sent,
                    r.exitReason == null ? null : ExitReason.valueOf(r.exitReason), r.enrolledAt, r.updatedAt);
        }

        /** Mirrors the path into {@code crm_nurture_step}: a path only grows, so the steps not stored yet. */
        @Override
        void afterSave(Enrollment e, boolean inserted) {
            if (e.path().isEmpty()) {
                return;
            }
            StatelessSession session = tx.sessionForWrite();
            Set<String> stored = inserted ? Set.of() : Set.copyOf(session.createSelectionQuery(
                            "select k.keyValue from NurtureStepRow k where k.tenantId = :tenant and k.ownerId = :id",
                            String.class)
                    .setParameter("tenant", tx.tenantId()).setParameter("id", e.id().value()).getResultList());
            for (String step : e.path()) {
                if (!stored.contains(step)) {
                    session.insert(new StepRow(tx.tenantId(), e, step));
                }
            }
        }

        /** Mirrors the paths of enrollments saved together, reading their stored steps in one query. */
        @Override
        void afterSaveAll(List<Enrollment> saved) {
            List<UUID> updated = saved.stream().filter(e -> e.version() != 0 && !e.path().isEmpty())
                    .map(e -> e.id().value()).toList();
            StatelessSession session = tx.sessionForWrite();
            Set<String> stored = new HashSet<>();
            if (!updated.isEmpty()) {
                for (Object[] row : session.createSelectionQuery("select k.ownerId, k.keyValue from NurtureStepRow k"
                                + " where k.tenantId = :tenant and k.ownerId in :ids", Object[].class)
                        .setParameter("tenant", tx.tenantId()).setParameterList("ids", updated).getResultList()) {
                    stored.add(row[0] + "/" + row[1]);
                }
            }
            for (Enrollment e : saved) {
                for (String step : e.path()) {
                    if (!stored.contains(e.id().value() + "/" + step)) {
                        session.insert(new StepRow(tx.tenantId(), e, step));
                    }
                }
            }
        }

        @Override
        public Optional<Enrollment> findOpen(SequenceId sequence, LeadId lead) {
            return lookup("openKey", EnrollmentRepository.openKey(sequence, lead), "r.id").stream().findFirst();
        }

        @Override
        public List<Enrollment> ofLead(LeadId lead) {
            return TaskMapping.sorted(lookup("leadId", lead.value(), "r.id"), BY_ID);
        }

        @Override
        public List<Enrollment> ofSequence(SequenceId sequence) {
            return TaskMapping.sorted(lookup("sequenceId", sequence.value(), "r.id"), BY_ID);
        }

        @Override
        public List<Enrollment> due(Instant now, int limit) {
            return tx.session().createSelectionQuery("from NurtureEnrollmentRow r where r.tenantId = :tenant"
                            + " and r.dueAt <= :now order by r.dueAt, r.id", EnrollmentRow.class)
                    .setParameter("tenant", tx.tenantId())
                    .setParameter("now", now)
                    .setMaxResults(limit)
                    .getResultList().stream().map(this::toDomain).toList();
        }
    }
}
