package dev.crmkit.core.sales;

import java.util.EnumSet;
import java.util.Set;

/** Whether an opportunity is still being worked; {@link #canMoveTo} is the whole state machine. */
public enum OpportunityStatus {
    OPEN, WON, LOST;

    /** WON is final; a LOST opportunity may be reopened. */
    public Set<OpportunityStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(WON, LOST);
            case LOST -> EnumSet.of(OPEN);
            case WON -> EnumSet.noneOf(OpportunityStatus.class);
        };
    }

    public boolean canMoveTo(OpportunityStatus target) {
        return next().contains(target);
    }
}
