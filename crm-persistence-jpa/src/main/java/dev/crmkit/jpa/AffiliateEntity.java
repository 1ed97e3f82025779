package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity(name = "AffiliateRow")
@Table(name = "crm_affiliate")
@IdClass(TenantKey.class)
class AffiliateEntity extends VersionedRow {
    String name;
    String siteDomain;
    String trackingCode;
    Instant createdAt;
}
