package dev.crmkit.core.segment;

import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A saved, named selection of leads, contacts or accounts; members are computed when asked, never stored. */
public record Segment(SegmentId id, long version, String name, SegmentTarget target, Criteria criteria,
                      UserId owner, Instant createdAt, Instant updatedAt) implements Versioned<SegmentId, Segment> {
    public Segment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public Segment withVersion(long newVersion) {
        return new Segment(id, newVersion, name, target, criteria, owner, createdAt, updatedAt);
    }
}
