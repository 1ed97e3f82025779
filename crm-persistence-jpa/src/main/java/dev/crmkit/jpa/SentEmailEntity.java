package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity(name = "SentEmailRow")
@Table(name = "crm_email_sent")
@IdClass(TenantKey.class)
class SentEmailEntity extends VersionedRow {
    String kind;
    UUID templateId;
    String toAddress;
    UUID leadId;
    UUID contactId;
    String subject;
    String html;
    String bodyText;
    String status;
    String reason;
    Instant createdAt;
    Instant dueAt;
    Instant sentAt;
}
