package dev.crmkit.jpa;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

@Entity(name = "CampaignRow")
@Table(name = "crm_campaign")
@IdClass(TenantKey.class)
class CampaignEntity extends VersionedRow {
    String name;
    String channel;
    LocalDate startDate;
    LocalDate endDate;
    @Embedded
    MoneyColumns budget;
    Double targetLatitude;
    Double targetLongitude;
    Double targetRadiusKm;
    Instant createdAt;
}
