package dev.crmkit.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Append-only: no version; rows are inserted in JDBC batches and only their links are updated, in bulk. */
@Entity(name = "TouchpointRow")
@Table(name = "crm_touchpoint")
@IdClass(TenantKey.class)
class TouchpointEntity extends TenantRow {
    String kind;
    Instant occurredAt;
    String externalEventId;
    String visitorId;
    UUID leadId;
    UUID contactId;
    UUID accountId;
    UUID campaignId;
    UUID adId;
    UUID affiliateId;
    String channel;
    @Column(name = "event_count")
    long count;
    @Embedded
    MoneyColumns value;
    Integer durationSeconds;
    String outcome;
    String detail;
    String repId;
    UUID firstClick;
    UUID lastClick;
}
