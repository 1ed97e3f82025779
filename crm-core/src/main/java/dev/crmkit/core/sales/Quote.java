package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A priced offer for an opportunity. Immutable; every change returns a new quote and appends a {@link QuoteChange}.
 * Revising the lines bumps {@code revision} and takes the quote back to DRAFT, so what was sent and approved is
 * always the revision on record.
 *
 * @param number              human-readable number, unique within the tenant, e.g. {@code Q-7}
 * @param approvalRequired    some line's discount exceeds the {@link QuotePolicy} threshold
 * @param approvedBy          the manager who approved the current revision, if any
 * @param specialInstructions the customer's instructions for the whole order, or null; the order this quote
 *                            becomes keeps them, as each line keeps its own
 * @param order               the order an accepted quote became
 */
public record Quote(
        QuoteId id,
        long version,
        String number,
        int revision,
        OpportunityId opportunity,
        AccountId account,
        @Nullable ContactId contact,
        Currency currency,
        BigDecimal taxRate,
        List<LineItem> lines,
        boolean approvalRequired,
        QuoteStatus status,
        @Nullable UserId approvedBy,
        @Nullable LocalDate validUntil,
        @Nullable String notes,
        @Nullable String specialInstructions,
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
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(taxRate, "taxRate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lines = lines == null ? List.of() : List.copyOf(lines);
        history = history == null ? List.of() : List.copyOf(history);
        require(version >= 0 && revision >= 1 && !updatedAt.isBefore(createdAt), id,
                "its version, revision or times are impossible");
        require(LineItem.isPercent(taxRate), id, "its tax rate is not a percentage");
        require((status == QuoteStatus.ACCEPTED) == (order != null), id,
                "exactly an accepted quote names the order it became");
        boolean approvedStage = status == QuoteStatus.APPROVED || (approvalRequired && status != QuoteStatus.DRAFT
                && status != QuoteStatus.PENDING_APPROVAL);
        require(!approvedStage || approvedBy != null, id, "it is approved, or past approval, without an approver");
    }

    private static void require(boolean rule, QuoteId id, String breach) {
        if (!rule) {
            throw new IllegalArgumentException("quote " + id + " breaks a rule: " + breach);
        }
    }

    public QuoteTotals totals() {
        return QuoteTotals.of(currency, lines, taxRate);
    }

    /** The highest line discount in percent (0 without lines). */
    public BigDecimal maxDiscount() {
        return lines.stream().map(LineItem::discountPercent).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
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
        if (status == QuoteStatus.DRAFT && target == QuoteStatus.SENT && approvalRequired) {
            throw new IllegalTransitionException("Quote", status, target,
                    "its discount exceeds the approval threshold, so a manager must approve it first");
        }
        UserId approver = target == QuoteStatus.APPROVED ? by : target == QuoteStatus.DRAFT ? null : approvedBy;
        return copy(revision, contact, taxRate, lines, approvalRequired, target, approver, validUntil, notes,
                specialInstructions, newOrder, new QuoteChange(at, by, action, target, revision, detail, document),
                at);
    }

    /**
     * New lines, tax rate, contact, validity, notes or special instructions: the next revision, back in DRAFT and
     * not approved.
     */
    public Quote revise(@Nullable ContactId newContact, BigDecimal newTaxRate, List<LineItem> newLines,
                        boolean needsApproval, @Nullable LocalDate newValidUntil, @Nullable String newNotes,
                        @Nullable String newSpecialInstructions, String detail, UserId by, Instant at) {
        if (!status.isRevisable()) {
            throw new IllegalTransitionException("Quote", status, QuoteStatus.DRAFT);
        }
        return copy(revision + 1, newContact, newTaxRate, newLines, needsApproval, QuoteStatus.DRAFT, null,
                newValidUntil, newNotes, newSpecialInstructions, order,
                new QuoteChange(at, by, QuoteAction.REVISED, QuoteStatus.DRAFT, revision + 1, detail, null), at);
    }

    /** Accepted by the customer; {@code newOrder} is the order it became. */
    public Quote accept(OrderId newOrder, UserId by, Instant at) {
        return moved(QuoteStatus.ACCEPTED, QuoteAction.ACCEPTED, "order " + newOrder, null, by, at,
                Objects.requireNonNull(newOrder, "newOrder"));
    }

    private Quote copy(int rev, @Nullable ContactId c, BigDecimal tax, List<LineItem> l, boolean approval,
                       QuoteStatus s, @Nullable UserId approver, @Nullable LocalDate valid, @Nullable String n,
                       @Nullable String instructions, @Nullable OrderId o, @Nullable QuoteChange change, Instant at) {
        List<QuoteChange> h = history;
        if (change != null) {
            h = new ArrayList<>(history);
            h.add(change);
        }
        return new Quote(id, version, number, rev, opportunity, account, c, currency, tax, l, approval, s, approver,
                valid, n, instructions, o, h, createdBy, createdAt, at);
    }

    @Override
    public Quote withVersion(long newVersion) {
        return new Quote(id, newVersion, number, revision, opportunity, account, contact, currency, taxRate, lines,
                approvalRequired, status, approvedBy, validUntil, notes, specialInstructions, order, history, createdBy,
                createdAt, updatedAt);
    }
}
