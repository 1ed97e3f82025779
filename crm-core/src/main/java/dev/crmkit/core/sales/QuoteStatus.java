package dev.crmkit.core.sales;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a quote stands; {@link #canMoveTo} is the state machine. A quote needing approval cannot go from DRAFT
 * straight to SENT (see {@link Approval#required()}). Revising a quote takes it back to DRAFT.
 */
public enum QuoteStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, SENT, ACCEPTED, DECLINED;

    public Set<QuoteStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PENDING_APPROVAL, SENT);
            case PENDING_APPROVAL -> EnumSet.of(APPROVED, DRAFT);
            case APPROVED -> EnumSet.of(SENT, DRAFT);
            case SENT -> EnumSet.of(ACCEPTED, DECLINED, DRAFT);
            case ACCEPTED, DECLINED -> EnumSet.noneOf(QuoteStatus.class);
        };
    }

    public boolean canMoveTo(QuoteStatus target) {
        return next().contains(target);
    }

    /** True while the quote's lines may still be revised. */
    public boolean isRevisable() {
        return this != ACCEPTED && this != DECLINED;
    }
}
