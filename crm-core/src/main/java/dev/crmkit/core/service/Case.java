package dev.crmkit.core.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A complaint or support request from a contact about an account, optionally about a product or an order. Immutable;
 * changes return a new case with a history entry appended.
 *
 * @param trackingNumber the human-readable number given to the customer, unique per tenant, e.g. {@code CS-2026-000123}
 * @param regarding      the account, contact, product and order the case is about
 * @param triage         kind, category, priority and the channel it came in on
 * @param targets        the service-level targets from the covering contract, and when the first reply came
 * @param closure        the resolution and when the case was resolved and closed; {@link Closure#NONE} while open
 * @param escalations    the missed targets already escalated; each escalates once
 * @param articles       knowledge base articles linked to the case
 * @param feedback       the satisfaction rating given when the case closed, stored as customer feedback
 */
// Unwrapped: events and webhooks keep the flat JSON a case has always had (stored outbox rows still read).
public record Case(
        CaseId id,
        long version,
        String trackingNumber,
        @JsonUnwrapped Regarding regarding,
        @JsonUnwrapped Triage triage,
        String subject,
        @Nullable String description,
        UserId owner,
        CaseStatus status,
        @JsonUnwrapped Targets targets,
        @JsonUnwrapped Closure closure,
        Set<EscalationKind> escalations,
        Set<ArticleId> articles,
        @Nullable FeedbackId feedback,
        List<CaseComment> comments,
        List<CaseHistoryEntry> history,
        Instant createdAt,
        Instant updatedAt) implements Versioned<CaseId, Case> {

    public Case {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(regarding, "regarding");
        Objects.requireNonNull(triage, "triage");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        targets = targets == null ? Targets.NONE : targets;
        closure = closure == null ? Closure.NONE : closure;
        escalations = escalations == null || escalations.isEmpty() ? Set.of() : Set.copyOf(escalations);
        articles = articles == null ? Set.of() : Set.copyOf(articles);
        comments = comments == null ? List.of() : List.copyOf(comments);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** True when no valid service contract covered the case when it was opened. */
    public boolean withoutContract() {
        return targets.contract() == null;
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
        Instant firstResponseDue = targets.firstResponseDue();
        if (targets.firstRespondedAt() == null && firstResponseDue != null && now.isAfter(firstResponseDue)) {
            due.add(EscalationKind.FIRST_RESPONSE);
        }
        Instant resolutionDue = targets.resolutionDue();
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
    Case moveTo(CaseStatus target, Instant at, UserId actor, @Nullable String detail) {
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
        if (target != CaseStatus.NEW && targets.firstRespondedAt() == null) {
            e.firstRespondedAt = at;
        }
        return e.log(at, actor, "STATUS", status + " -> " + target + (detail == null ? "" : ": " + detail));
    }

    Case comment(CaseComment comment) {
        Edit e = edit();
        e.comments.add(comment);
        if (comment.toCustomer() && targets.firstRespondedAt() == null) {
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
        return e.log(at, actor, "PRIORITY", triage.priority() + " -> " + newPriority);
    }

    Case escalate(EscalationKind missed, Instant at, UserId actor) {
        Edit e = edit();
        e.escalations.add(missed);
        e.priority = triage.priority().raised();
        return e.log(at, actor, "ESCALATED", missed + ", priority " + triage.priority() + " -> " + e.priority);
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

    /**
     * This case with every text a person wrote or was quoted in (subject, description, resolution, comments, history
     * details) passed through {@code scrub}: an erasure keeps the case and removes the person from it.
     */
    public Case redacted(UnaryOperator<String> scrub) {
        Edit e = edit();
        e.resolution = e.resolution == null ? null : scrub.apply(e.resolution);
        e.comments.replaceAll(c -> new CaseComment(c.at(), c.author(), scrub.apply(c.text()), c.toCustomer()));
        e.history.replaceAll(h -> new CaseHistoryEntry(h.at(), h.actor(), h.action(),
                h.detail() == null ? null : scrub.apply(h.detail())));
        Case built = e.build();
        return new Case(id, built.version, trackingNumber, regarding, triage, scrub.apply(subject),
                description == null ? null : scrub.apply(description), built.owner, built.status, built.targets,
                built.closure, built.escalations, built.articles, built.feedback, built.comments, built.history,
                createdAt, built.updatedAt);
    }

    /** A mutable copy for building the next version; keeps the behaviour methods above short. */
    private static final class Edit {
        private final Case c;
        long version;
        CasePriority priority;
        UserId owner;
        CaseStatus status;
        @Nullable Instant firstRespondedAt;
        @Nullable Instant resolvedAt;
        @Nullable String resolution;
        @Nullable Instant closedAt;
        final Set<EscalationKind> escalations;
        final Set<ArticleId> articles;
        @Nullable FeedbackId feedback;
        final List<CaseComment> comments;
        final List<CaseHistoryEntry> history;
        Instant updatedAt;

        Edit(Case c) {
            this.c = c;
            version = c.version;
            priority = c.triage.priority();
            owner = c.owner;
            status = c.status;
            firstRespondedAt = c.targets.firstRespondedAt();
            resolvedAt = c.closure.resolvedAt();
            resolution = c.closure.resolution();
            closedAt = c.closure.closedAt();
            escalations = EnumSet.noneOf(EscalationKind.class);
            escalations.addAll(c.escalations);
            articles = new LinkedHashSet<>(c.articles);
            feedback = c.feedback;
            comments = new ArrayList<>(c.comments);
            history = new ArrayList<>(c.history);
            updatedAt = c.updatedAt;
        }

        Case log(Instant at, UserId actor, String action, @Nullable String detail) {
            history.add(new CaseHistoryEntry(at, actor, action, detail));
            updatedAt = at;
            return build();
        }

        Case build() {
            Targets t = c.targets;
            return new Case(c.id, version, c.trackingNumber, c.regarding, c.triage.withPriority(priority), c.subject,
                    c.description, owner, status,
                    new Targets(t.contract(), t.firstResponseDue(), t.resolutionDue(), firstRespondedAt),
                    new Closure(resolution, resolvedAt, closedAt), escalations, articles, feedback, comments, history,
                    c.createdAt, updatedAt);
        }
    }
}
