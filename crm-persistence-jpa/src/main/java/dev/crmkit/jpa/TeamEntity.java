package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity(name = "TeamRow")
@Table(name = "crm_team")
@IdClass(TenantKey.class)
class TeamEntity extends VersionedRow {
    String name;
    String managerId;
    String members;
    Instant createdAt;
    Instant updatedAt;
}
