package dev.crmkit.jpa;

import dev.crmkit.core.automation.RuleId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The workflow-rule entity classes (schema {@code V10__automation.sql}), registered with {@link JpaStorage}. */
final class AutomationMapping {
    static final List<Class<?>> ENTITIES = List.of(RuleRow.class, RunRow.class, ChainRow.class, DueRow.class,
            WatchRow.class, MemberRow.class);

    private AutomationMapping() {
    }

    /** A rule; {@code definition} is its JSON, the name and event type are copies for reading the table by hand. */
    @Entity(name = "AutomationRuleRow")
    @Table(name = "crm_automation_rule")
    @IdClass(TenantKey.class)
    static class RuleRow extends VersionedRow {
        String name;
        String eventType;
        String definition;
        int runOrder;
        boolean enabled;
        Instant createdAt;
        Instant updatedAt;
    }

    /** What runs and delayed runs hold of their trigger: the rule, the event and its chain, the record. */
    @MappedSuperclass
    abstract static class TriggerRow extends TenantRow {
        UUID ruleId;
        UUID originEventId;
        UUID eventId;
        String eventType;
        String recordType;
        String recordId;
        int depth;

        void fill(String tenant, UUID id, RuleId rule, UUID origin, UUID event, String type, String recordKind,
                  String record, int chainDepth) {
            tenantId = tenant;
            this.id = id;
            ruleId = rule.value();
            originEventId = origin;
            eventId = event;
            eventType = type;
            recordType = recordKind;
            recordId = record;
            depth = chainDepth;
        }
    }

    /** One logged run; never updated. */
    @Entity(name = "AutomationRunRow")
    @Table(name = "crm_automation_run")
    @IdClass(TenantKey.class)
    static class RunRow extends TriggerRow {
        long ruleVersion;
        String ruleName;
        String outcome;
        /** What each action did, as a JSON array of text. */
        String actions;
        String error;
        Instant ranAt;
    }

    /** A delayed run waiting for its time. */
    @Entity(name = "AutomationDueRow")
    @Table(name = "crm_automation_due")
    @IdClass(TenantKey.class)
    static class DueRow extends TriggerRow {
        Instant dueAt;
    }

    /** The chain an event raised by rules belongs to. */
    @Entity(name = "AutomationChainRow")
    @Table(name = "crm_automation_chain")
    @IdClass(ChainRow.Key.class)
    static class ChainRow {
        @Id
        @Column(name = "tenant_id")
        String tenantId;
        @Id
        @Column(name = "event_id")
        UUID eventId;
        UUID originEventId;
        int depth;

        record Key(String tenantId, UUID eventId) implements Serializable {
        }
    }

    /** A segment watched by rules on SegmentEntered; {@code turns} is bumped by each comparison (the lock). */
    @Entity(name = "AutomationWatchRow")
    @Table(name = "crm_automation_watch")
    @IdClass(MemberRow.WatchKey.class)
    static class WatchRow {
        @Id
        @Column(name = "tenant_id")
        String tenantId;
        @Id
        @Column(name = "segment_id")
        UUID segmentId;
        long turns;
    }

    /** A member of a watched segment as last compared. */
    @Entity(name = "AutomationMemberRow")
    @Table(name = "crm_automation_member")
    @IdClass(MemberRow.Key.class)
    static class MemberRow {
        @Id
        @Column(name = "tenant_id")
        String tenantId;
        @Id
        @Column(name = "segment_id")
        UUID segmentId;
        @Id
        @Column(name = "member_id")
        UUID memberId;

        record WatchKey(String tenantId, UUID segmentId) implements Serializable {
        }

        record Key(String tenantId, UUID segmentId, UUID memberId) implements Serializable {
        }
    }
}
