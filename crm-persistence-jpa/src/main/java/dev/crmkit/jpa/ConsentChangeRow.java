package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an address's consent log ({@code ConsentChange}); inserted once, never updated. */
@Entity
@Table(name = "crm_email_consent_change")
@IdClass(TenantKey.class)
class ConsentChangeRow extends TenantRow {
    String email;
    String changeAction;
    String basis;
    String source;
    Instant changedAt;
}
