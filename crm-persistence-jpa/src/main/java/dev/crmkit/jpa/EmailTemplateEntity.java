package dev.crmkit.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity(name = "EmailTemplateRow")
@Table(name = "crm_email_template")
@IdClass(TenantKey.class)
class EmailTemplateEntity extends VersionedRow {
    String name;
    String kind;
    String subject;
    String html;
    String bodyText;
    /** The declared custom merge fields as a JSON array. */
    String mergeFields;
    Instant createdAt;
    Instant updatedAt;
}
