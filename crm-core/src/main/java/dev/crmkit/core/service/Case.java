package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A complaint or support request from a contact about an account, optionally about a product or an order. Immutable;
 * changes return a new case with a history entry appended.
 *
 * @param trackingNumber the human-readable number given to the customer, unique per tenant, e.g. {@code CS-2026-000123}
 * @param contract the service contract that covered the case when it was opened; null flags a case without one
 * @param firstResponseDue when the first reply to the customer is due (null without a contract)
 * @param resolutionDue when the case must be resolved (null without a contract)
 * @param escalations the missed targets already escalated; each escalates once
 * @param articles knowledge base articles linked to the case
 * @param feedback the satisfaction rating given when the case closed, stored as customer feedback
 */
public record Case(
        CaseId id,
        long version,
        String trackingNumber,
        AccountId account,
        ContactId contact,
        ProductId product,
        String productCode,
        OrderId order,
        CaseKind kind,
        String category,
        CasePriority priority,
        Channel channel,
        String subject,
        String description,
        UserId owner,
        CaseStatus status,
        ServiceContractId contract,
        Instant firstResponseDue,
        Instant resolutionDue,
        Instant firstRespondedAt,
        Instant resolvedAt,
        String resolution,
        Instant closedAt,
        Set<EscalationKind> escalations,
        Set<ArticleId> articles,
        FeedbackId feedback,
        List<CaseComment> comments,
        List<CaseHistoryEntry> history,
        Instant createdAt,
        Instant updatedAt) implements Versioned<CaseId, Case> {

    public Case {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        escalations = escalations == null || escalations.isEmpty() ? Set.of() : Set.copyOf(escalations);
        articles = articles == null ? Set.of() : Set.copyOf(articles);
        comments = comments == null ? List.of() : List.copyOf(comments);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** True when no valid service contract covered the case when it was opened. */
    public boolean withoutContract() {
        return contract == null;
    }

    /**
     * The targets still unmet and past due at {@code now} and not escalated yet: the first response while none was
     * given, the resolution while the case is open. Empty for resolved and closed cases.
     */
    public Set<EscalationKind> dueForEscalation(Instant now) {
        Set<EscalationKind> due = EnumSet.noneOf(EscalationKind.class);
        if (!status.isOpen()) {
            return due;
        }
        if (firstRespondedAt == null && firstResponseDue != null && now.isAfter(firstResponseDue)) {
            due.add(EscalationKind.FIRST_RESPONSE);
        }
        if (resolutionDue != null && now.isAfter(resolutionDue)) {
            due.add(EscalationKind.RESOLUTION);
        }
        due.removeAll(escalations);
        return due;
    }

    @Override
    public Case withVersion(long newVersion) {
        Edit e = edit();
        e.version = newVersion;
        return e.build();
    }

    /** The case moved to {@code target}; an illegal move is an {@link IllegalTransitionException}. */
    Case moveTo(CaseStatus target, Instant at, UserId actor, String detail) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("Case", status, target);
        }
        Edit e = edit();
        e.status = target;
        if (target == CaseStatus.RESOLVED) {
            e.resolvedAt = at;
            e.resolution = detail;
        } else if (target == CaseStatus.CLOSED) {
            e.closedAt = at;
        } else if (!status.isOpen()) {
            e.resolvedAt = null;
            e.closedAt = null;
            e.resolution = null;
        }
        if (target != CaseStatus.NEW && firstRespondedAt == null) {
            e.firstRespondedAt = at;
        }
        return e.log(at, actor, "STATUS", status + " -> " + target + (detail == null ? "" : ": " + detail));
    }

    Case comment(CaseComment comment) {
        Edit e = edit();
        e.comments.add(comment);
        if (comment.toCustomer() && firstRespondedAt == null) {
            e.firstRespondedAt = comment.at();
        }
        return e.log(comment.at(), comment.author(), comment.toCustomer() ? "REPLIED" : "NOTED", null);
    }

    Case assign(UserId newOwner, Instant at, UserId actor) {
        Edit e = edit();
        e.owner = newOwner;
        return e.log(at, actor, "ASSIGNED", owner + " -> " + newOwner);
    }

    Case prioritize(CasePriority newPriority, Instant at, UserId actor) {
        Edit e = edit();
        e.priority = newPriority;
        return e.log(at, actor, "PRIORITY", priority + " -> " + newPriority);
    }

    Case escalate(EscalationKind missed, Instant at, UserId actor) {
        Edit e = edit();
        e.escalations.add(missed);
        e.priority = priority.raised();
        return e.log(at, actor, "ESCALATED", missed + ", priority " + priority + " -> " + e.priority);
    }

    Case link(ArticleId article, Instant at, UserId actor) {
        Edit e = edit();
        e.articles.add(article);
        return e.log(at, actor, "ARTICLE_LINKED", article.toString());
    }

    Case unlink(ArticleId article, Instant at, UserId actor) {
        Edit e = edit();
        e.articles.remove(article);
        return e.log(at, actor, "ARTICLE_UNLINKED", article.toString());
    }

    Case rated(FeedbackId rating, int stars, Instant at, UserId actor) {
        Edit e = edit();
        e.feedback = rating;
        return e.log(at, actor, "RATED", stars + "/5");
    }

    private Edit edit() {
        return new Edit(this);
    }

    /** A mutable copy for building the next version; keeps the behaviour methods above short. */
    private static final class Edit {
        private final Case c;
        long version;
        CasePriority priority;
        UserId owner;
        CaseStatus status;
        Instant firstRespondedAt;
        Instant resolvedAt;
        String resolution;
        Instant closedAt;
        final Set<EscalationKind> escalations;
        final Set<ArticleId> articles;
        FeedbackId feedback;
        final List<CaseComment> comments;
        final List<CaseHistoryEntry> history;
        Instant updatedAt;

        Edit(Case c) {
            this.c = c;
            version = c.version;
            priority = c.priority;
            owner = c.owner;
            status = c.status;
            firstRespondedAt = c.firstRespondedAt;
            resolvedAt = c.resolvedAt;
            resolution = c.resolution;
            closedAt = c.closedAt;
            escalations = EnumSet.noneOf(EscalationKind.class);
            escalations.addAll(c.escalations);
            articles = new LinkedHashSet<>(c.articles);
            feedback = c.feedback;
            comments = new ArrayList<>(c.comments);
            history = new ArrayList<>(c.history);
            updatedAt = c.updatedAt;
        }

        Case log(Instant at, UserId actor, String action, String detail) {
            history.add(new CaseHistoryEntry(at, actor, action, detail));
            updatedAt = at;
            return build();
        }

        Case build() {
            return new Case(c.id, version, c.trackingNumber, c.account, c.contact, c.product, c.productCode, c.order,
                    c.kind, c.category, priority, c.channel, c.subject, c.description, owner, status, c.contract,
                    c.firstResponseDue, c.resolutionDue, firstRespondedAt, resolvedAt, resolution, closedAt,
                    escalations, articles, feedback, comments, history, c.createdAt, updatedAt);
        }
    }
}
