package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity(name = "ServiceContractRow")
@Table(name = "crm_service_contract")
@IdClass(TenantKey.class)
class ServiceContractEntity extends VersionedRow {
    UUID accountId;
    String name;
    LocalDate startDate;
    LocalDate endDate;
    String products;
    String productCodes;
    String levels;
    String hoursZone;
    String hoursOpens;
    String hoursCloses;
    String hoursDays;
    String hoursHolidays;
    Instant createdAt;
    Instant updatedAt;
}
