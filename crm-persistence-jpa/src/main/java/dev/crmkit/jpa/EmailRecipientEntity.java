package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity(name = "EmailRecipientRow")
@Table(name = "crm_email_recipient")
@IdClass(TenantKey.class)
class EmailRecipientEntity extends VersionedRow {
    String email;
    String status;
    String basis;
    String optInNonce;
    Instant optInExpires;
    String timeZone;
    String suppressed;
    Instant suppressedAt;
    Instant updatedAt;
}
