package dev.crmkit.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Append-only: no version; rows are inserted in plain JDBC batches by {@link JpaTouchpointRepository}, which binds
 * every column as this mapping stores it (keep the two in step), and only their links are updated, in bulk. Unlike
 * the aggregates, Hibernate knows a touchpoint by its id alone (the table's key is still tenant and id): the adapter
 * never loads one by id without its tenant.
 */
@Entity(name = "TouchpointRow")
@Table(name = "crm_touchpoint")
class TouchpointEntity {
    @Id
    UUID id;
    String tenantId;
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
    String direction;
    String channelReference;
}
