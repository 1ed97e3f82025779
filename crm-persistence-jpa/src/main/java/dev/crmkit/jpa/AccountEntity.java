package dev.crmkit.jpa;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity(name = "AccountRow")
@Table(name = "crm_account")
@IdClass(TenantKey.class)
class AccountEntity extends VersionedRow {
    String name;
    String industry;
    String companySize;
    @Embedded
    AddressColumns address;
    String website;
    String ownerId;
    String stage;
    String tags;
    String nameKey;
    Instant createdAt;
    Instant updatedAt;
}
