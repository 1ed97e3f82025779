package dev.crmkit.core.service;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Events of service tracking, published after the write that caused them committed. */
public sealed interface ServiceEvent extends DomainEvent {

    /** A case was opened; {@code serviceCase.withoutContract()} tells whether it needs a contract check. */
    record CaseOpened(TenantId tenant, Instant occurredAt, Case serviceCase) implements ServiceEvent {
    }

    /** A case changed other than by a status move: comment, owner, priority, article link, rating. */
    record CaseChanged(TenantId tenant, Instant occurredAt, Case serviceCase, String action) implements ServiceEvent {
    }

    record CaseStatusChanged(TenantId tenant, Instant occurredAt, Case serviceCase, CaseStatus from, CaseStatus to)
            implements ServiceEvent {
    }

    /**
     * A case missed a target and was escalated: its priority went from {@code from} to {@code to}, and
     * {@code manager} (the owner's manager, or the default; null if none is configured) is to be alerted.
     */
    record CaseEscalated(TenantId tenant, Instant occurredAt, Case serviceCase, EscalationKind missed,
                         Instant dueAt, CasePriority from, CasePriority to, UserId owner,
                         @Nullable UserId manager) implements ServiceEvent {
    }

    record ServiceContractSaved(TenantId tenant, Instant occurredAt, ServiceContract contract)
            implements ServiceEvent {
    }

    record ArticleSaved(TenantId tenant, Instant occurredAt, Article article) implements ServiceEvent {
    }

    record ProductInfoSaved(TenantId tenant, Instant occurredAt, ProductInfo product) implements ServiceEvent {
    }
}
