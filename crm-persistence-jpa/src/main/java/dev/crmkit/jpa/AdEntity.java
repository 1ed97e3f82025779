package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity(name = "AdRow")
@Table(name = "crm_ad")
@IdClass(TenantKey.class)
class AdEntity extends VersionedRow {
    UUID campaignId;
    String name;
    String trackingCode;
    String landingUrl;
    Instant createdAt;
}
