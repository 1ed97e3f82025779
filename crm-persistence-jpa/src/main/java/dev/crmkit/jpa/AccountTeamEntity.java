package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account's team; its id is the account's. */
@Entity(name = "AccountTeamRow")
@Table(name = "crm_account_team")
@IdClass(TenantKey.class)
class AccountTeamEntity extends VersionedRow {
    String members;
    Instant updatedAt;
}
