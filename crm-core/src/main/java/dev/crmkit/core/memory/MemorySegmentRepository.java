package dev.crmkit.core.memory;

import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.segment.Segment;
import dev.crmkit.core.segment.SegmentRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemorySegmentRepository extends MemoryRepository<SegmentId, Segment> implements SegmentRepository {
    private static final Comparator<Segment> ORDER = Comparator.comparing((Segment s) -> SegmentRepository.nameKey(
            s.name())).thenComparing(Segment::id);

    MemorySegmentRepository(MemoryTable<SegmentId, Segment> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public Optional<Segment> findByName(String name) {
        return lookup("name", SegmentRepository.nameKey(name), ORDER).stream().findFirst();
    }

    @Override
    public List<Segment> list() {
        tx.checkOpen();
        return table.scan().sorted(ORDER).toList();
    }
}
