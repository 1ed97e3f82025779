package dev.crmkit.jpa;

import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.Segment;
import dev.crmkit.core.segment.SegmentRepository;
import dev.crmkit.core.segment.SegmentTarget;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class JpaSegmentRepository extends JpaRepository<SegmentId, Segment, SegmentEntity>
        implements SegmentRepository {
    private static final Comparator<Segment> ORDER = Comparator.comparing((Segment s) -> SegmentRepository.nameKey(
            s.name())).thenComparing(Segment::id);

    JpaSegmentRepository(JpaTx tx) {
        super(tx, SegmentEntity.class);
    }

    @Override
    SegmentEntity toRow(Segment s) {
        SegmentEntity r = new SegmentEntity();
        r.name = s.name();
        r.nameKey = SegmentRepository.nameKey(s.name());
        r.target = s.target().name();
        r.criteria = s.criteria().toJson();
        r.ownerId = s.owner().value();
        r.createdAt = s.createdAt();
        r.updatedAt = s.updatedAt();
        return r;
    }

    @Override
    Segment toDomain(SegmentEntity r) {
        // Not Criteria.fromJson: its bounds are for untrusted input, and a segment saved before they were
        // introduced must still be listed (and then be fixed or deleted).
        return new Segment(SegmentId.of(r.id), r.version, r.name, SegmentTarget.valueOf(r.target),
                JsonColumns.value(r.criteria, Criteria.class), UserId.of(r.ownerId), r.createdAt, r.updatedAt);
    }

    @Override
    public Optional<Segment> findByName(String name) {
        return lookup("nameKey", SegmentRepository.nameKey(name), "r.id").stream().findFirst();
    }

    @Override
    public List<Segment> list() {
        return TaskMapping.sorted(list(new Filter(tx.tenantId()), "r.nameKey"), ORDER);
    }
}
