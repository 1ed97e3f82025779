package dev.crmkit.core.segment;

import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.spi.Repository;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Storage port for saved segments. Names are unique per tenant ignoring case ({@link #nameKey}). */
public interface SegmentRepository extends Repository<SegmentId, Segment> {
    /** The segment whose name equals {@code name} ignoring case and surrounding blanks (an index hit). */
    Optional<Segment> findByName(String name);

    /** All segments, by name key then id. */
    List<Segment> list();

    /** The unique key a name is stored and looked up under. */
    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    default String kind() {
        return "Segment";
    }
}
