package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A deal being worked with an account. Immutable: stage moves and closing return a new opportunity, go through the
 * {@link OpportunityStatus} state machine and append to {@link #history()}.
 *
 * @param probability win probability in percent, the stage's default when it entered the stage
 * @param closeDate   expected close date while open; the actual one once won or lost
 * @param closeReason why it was won or lost; null while open
 * @param sourceLead  the lead it was converted from, if any
 */
public record Opportunity(
        OpportunityId id,
        long version,
        AccountId account,
        @Nullable ContactId contact,
        String name,
        Money amount,
        LocalDate closeDate,
        UserId owner,
        String stage,
        int probability,
        ForecastCategory category,
        OpportunityStatus status,
        @Nullable String closeReason,
        @Nullable LeadId sourceLead,
        List<StageChange> history,
        Instant createdAt,
        Instant updatedAt) implements Versioned<OpportunityId, Opportunity> {

    /**
     * Checks each field and the rules tying them together: an open opportunity is at an open stage's forecast
     * category with no close reason; a won one is at {@link SalesStages#WON} with 100 % and CLOSED, a lost one at
     * {@link SalesStages#LOST} with 0 % and OMITTED; a probability is a percentage; time runs forward. A breach is an
     * {@code IllegalArgumentException} (a programming error or a corrupted row; no input reaches it).
     */
    public Opportunity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(closeDate, "closeDate");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        history = history == null ? List.of() : List.copyOf(history);
        require(version >= 0 && !updatedAt.isBefore(createdAt), id, "its version or times are impossible");
        require(probability >= 0 && probability <= 100, id, "its probability is not a percentage");
        switch (status) {
            case OPEN -> require(category.isOpen() && closeReason == null, id,
                    "an open opportunity has an open forecast category and no close reason");
            case WON -> require(stage.equals(SalesStages.WON.name()) && probability == 100
                    && category == ForecastCategory.CLOSED, id, "a won opportunity is Closed Won, 100 %, CLOSED");
            case LOST -> require(stage.equals(SalesStages.LOST.name()) && probability == 0
                    && category == ForecastCategory.OMITTED, id, "a lost opportunity is Closed Lost, 0 %, OMITTED");
        }
    }

    private static void require(boolean rule, OpportunityId id, String breach) {
        if (!rule) {
            throw new IllegalArgumentException("opportunity " + id + " breaks a rule: " + breach);
        }
    }

    /** Amount × probability, exact (not rounded to the currency). */
    public BigDecimal weightedAmount() {
        return amount.amount().multiply(BigDecimal.valueOf(probability)).movePointLeft(2);
    }

    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }

    /** Moves an open opportunity to another open stage, taking that stage's probability and category. */
    public Opportunity moveTo(SalesStage target, UserId by, Instant at) {
        if (!isOpen()) {
            throw new IllegalTransitionException("Opportunity", status, OpportunityStatus.OPEN);
        }
        return enter(target, OpportunityStatus.OPEN, null, closeDate, by, at, null);
    }

    /** An open opportunity with the rep's own win probability (percent); the next stage move resets it. */
    public Opportunity withProbability(int percent, UserId by, Instant at) {
        if (!isOpen()) {
            throw new IllegalTransitionException("Opportunity", status, OpportunityStatus.OPEN);
        }
        List<StageChange> h = new ArrayList<>(history);
        h.add(new StageChange(stage, status, percent, category, at, by, "probability " + probability + " -> "
                + percent + " %"));
        return new Opportunity(id, version, account, contact, name, amount, closeDate, owner, stage, percent,
                category, status, closeReason, sourceLead, h, createdAt, at);
    }

    /** Closes as won today, at {@link SalesStages#WON}. */
    public Opportunity closeWon(@Nullable String reason, LocalDate today, UserId by, Instant at) {
        return close(OpportunityStatus.WON, SalesStages.WON, reason, today, by, at);
    }

    /** Closes as lost today, at {@link SalesStages#LOST}. */
    public Opportunity closeLost(@Nullable String reason, LocalDate today, UserId by, Instant at) {
        return close(OpportunityStatus.LOST, SalesStages.LOST, reason, today, by, at);
    }

    /** Reopens a lost opportunity at {@code stage} with a new expected close date. */
    public Opportunity reopen(SalesStage target, LocalDate newCloseDate, UserId by, Instant at) {
        requireTransition(OpportunityStatus.OPEN);
        return enter(target, OpportunityStatus.OPEN, null, newCloseDate, by, at, null);
    }

    /**
     * The same opportunity with other amount, close date, name, contact or owner (stage and status stay), and a
     * history line naming each field that changed, old value to new, and who changed it; unchanged, it is itself.
     */
    public Opportunity withDetails(String newName, @Nullable ContactId newContact, Money newAmount,
                                   LocalDate newCloseDate, UserId newOwner, UserId by, Instant at) {
        List<String> changes = new ArrayList<>();
        noteChange(changes, "name", name, newName);
        noteChange(changes, "contact", contact, newContact);
        noteChange(changes, "amount", amount, newAmount);
        noteChange(changes, "closeDate", closeDate, newCloseDate);
        noteChange(changes, "owner", owner, newOwner);
        if (changes.isEmpty()) {
            return this;
        }
        List<StageChange> h = new ArrayList<>(history);
        h.add(new StageChange(stage, status, probability, category, at, by, String.join("; ", changes)));
        return new Opportunity(id, version, account, newContact, newName, newAmount, newCloseDate, newOwner, stage,
                probability, category, status, closeReason, sourceLead, h, createdAt, at);
    }

    private static void noteChange(List<String> changes, String field, @Nullable Object before,
                                   @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + " " + before + " -> " + after);
        }
    }

    private Opportunity close(OpportunityStatus target, SalesStage closedStage, @Nullable String reason,
                              LocalDate today, UserId by, Instant at) {
        requireTransition(target);
        return enter(closedStage, target, reason, today, by, at, reason);
    }

    private void requireTransition(OpportunityStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("Opportunity", status, target);
        }
    }

    private Opportunity enter(SalesStage target, OpportunityStatus newStatus, @Nullable String reason,
                              LocalDate newCloseDate, UserId by, Instant at, @Nullable String note) {
        List<StageChange> h = new ArrayList<>(history);
        h.add(new StageChange(target.name(), newStatus, target.probability(), target.category(), at, by, note));
        return new Opportunity(id, version, account, contact, name, amount, newCloseDate, owner, target.name(),
                target.probability(), target.category(), newStatus, reason, sourceLead, h, createdAt, at);
    }

    /**
     * This opportunity with its name, close reason and stage notes passed through {@code scrub}: an erasure of the
     * person it was with keeps the deal.
     */
    public Opportunity redacted(UnaryOperator<String> scrub) {
        List<StageChange> notes = history.stream().map(h -> new StageChange(h.stage(), h.status(), h.probability(),
                h.category(), h.at(), h.by(), h.note() == null ? null : scrub.apply(h.note()))).toList();
        return new Opportunity(id, version, account, contact, scrub.apply(name), amount, closeDate, owner, stage,
                probability, category, status, closeReason == null ? null : scrub.apply(closeReason), sourceLead,
                notes, createdAt, updatedAt);
    }

    @Override
    public Opportunity withVersion(long newVersion) {
        return new Opportunity(id, newVersion, account, contact, name, amount, closeDate, owner, stage, probability,
                category, status, closeReason, sourceLead, history, createdAt, updatedAt);
    }
}
