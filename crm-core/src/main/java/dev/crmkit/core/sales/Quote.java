package dev.crmkit.core.sales;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A priced offer for an opportunity. Immutable; every change returns a new quote and appends a {@link QuoteChange}.
 * Revising the lines bumps {@code revision} and takes the quote back to DRAFT, so what was sent and approved is
 * always the revision on record.
 *
 * @param number   human-readable number, unique within the tenant, e.g. {@code Q-7}
 * @param pricing  currency, tax rate and lines
 * @param approval whether a manager must approve it, and who did for the current revision
 * @param terms    validity, notes and the customer's special instructions for the whole order
 * @param order    the order an accepted quote became
 */
// Unwrapped: quote events and webhooks keep the flat JSON a quote has always had.
public record Quote(
        QuoteId id,
        long version,
        String number,
        int revision,
        OpportunityId opportunity,
        AccountId account,
        @Nullable ContactId contact,
        @JsonUnwrapped Pricing pricing,
        @JsonUnwrapped Approval approval,
        QuoteStatus status,
        @JsonUnwrapped QuoteTerms terms,
        @Nullable OrderId order,
        List<QuoteChange> history,
        UserId createdBy,
        Instant createdAt,
        Instant updatedAt) implements Versioned<QuoteId, Quote> {

    /**
     * Checks each field and the rules tying them together: exactly an ACCEPTED quote names the order it became; an
     * approved quote names its approver, and a quote needing approval is past DRAFT only once approved; revisions
     * count from 1; the tax rate is a percentage; time runs forward. A breach is an {@code IllegalArgumentException}
     * (a programming error or a corrupted row; no input reaches it).
     */
    public Quote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(opportunity, "opportunity");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        approval = approval == null ? Approval.NOT_NEEDED : approval;
        terms = terms == null ? QuoteTerms.NONE : terms;
        history = history == null ? List.of() : List.copyOf(history);
        require(version >= 0 && revision >= 1 && !updatedAt.isBefore(createdAt), id,
                "its version, revision or times are impossible");
        require(LineItem.isPercent(pricing.taxRate()), id, "its tax rate is not a percentage");
        require((status == QuoteStatus.ACCEPTED) == (order != null), id,
                "exactly an accepted quote names the order it became");
        boolean approvedStage = status == QuoteStatus.APPROVED || (approval.required() && status != QuoteStatus.DRAFT
                && status != QuoteStatus.PENDING_APPROVAL);
        require(!approvedStage || approval.by() != null, id, "it is approved, or past approval, without an approver");
    }

    private static void require(boolean rule, QuoteId id, String breach) {
        if (!rule) {
            throw new IllegalArgumentException("quote " + id + " breaks a rule: " + breach);
        }
    }

    public QuoteTotals totals() {
        return pricing.totals();
    }

    /** Moves along the state machine and records the change; DRAFT to SENT needs no pending approval. */
    public Quote moveTo(QuoteStatus target, QuoteAction action, String detail, @Nullable String document, UserId by,
                        Instant at) {
        if (target == QuoteStatus.ACCEPTED) {
            throw new IllegalArgumentException("a quote is accepted by accept(), with the order it became");
        }
        return moved(target, action, detail, document, by, at, order);
    }

    private Quote moved(QuoteStatus target, QuoteAction action, String detail, @Nullable String document, UserId by,
                        Instant at, @Nullable OrderId newOrder) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("Quote", status, target);
        }
        if (status == QuoteStatus.DRAFT && target == QuoteStatus.SENT && approval.required()) {
            throw new IllegalTransitionException("Quote", status, target,
                    "its discount exceeds the approval threshold, so a manager must approve it first");
        }
        UserId approver = target == QuoteStatus.APPROVED ? by : target == QuoteStatus.DRAFT ? null : approval.by();
        return copy(revision, contact, pricing, new Approval(approval.required(), approver), target, terms, newOrder,
                new QuoteChange(at, by, action, target, revision, detail, document), at);
    }

    /**
     * New pricing, contact or terms: the next revision, back in DRAFT and not approved ({@code needsApproval} says
     * whether it must be before it is sent).
     */
    public Quote revise(@Nullable ContactId newContact, Pricing newPricing, boolean needsApproval, QuoteTerms newTerms,
                        String detail, UserId by, Instant at) {
        if (!status.isRevisable()) {
            throw new IllegalTransitionException("Quote", status, QuoteStatus.DRAFT);
        }
        return copy(revision + 1, newContact, newPricing, new Approval(needsApproval, null), QuoteStatus.DRAFT,
                newTerms, order,
                new QuoteChange(at, by, QuoteAction.REVISED, QuoteStatus.DRAFT, revision + 1, detail, null), at);
    }

    /** Accepted by the customer; {@code newOrder} is the order it became. */
    public Quote accept(OrderId newOrder, UserId by, Instant at) {
        return moved(QuoteStatus.ACCEPTED, QuoteAction.ACCEPTED, "order " + newOrder, null, by, at,
                Objects.requireNonNull(newOrder, "newOrder"));
    }

    private Quote copy(int rev, @Nullable ContactId c, Pricing p, Approval a, QuoteStatus s, QuoteTerms t,
                       @Nullable OrderId o, QuoteChange change, Instant at) {
        List<QuoteChange> h = new ArrayList<>(history);
        h.add(change);
        return new Quote(id, version, number, rev, opportunity, account, c, p, a, s, t, o, h, createdBy, createdAt, at);
    }

    @Override
    public Quote withVersion(long newVersion) {
        return new Quote(id, newVersion, number, revision, opportunity, account, contact, pricing, approval, status,
                terms, order, history, createdBy, createdAt, updatedAt);
    }
}
