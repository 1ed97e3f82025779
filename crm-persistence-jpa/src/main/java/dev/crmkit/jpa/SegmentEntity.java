package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity(name = "SegmentRow")
@Table(name = "crm_segment")
@IdClass(TenantKey.class)
class SegmentEntity extends VersionedRow {
    String name;
    String nameKey;
    String target;
    /** The criteria tree as {@code Criteria.toJson()} writes it. */
    String criteria;
    String ownerId;
    Instant createdAt;
    Instant updatedAt;
}
