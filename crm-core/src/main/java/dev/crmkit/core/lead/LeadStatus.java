package dev.crmkit.core.lead;

import java.util.EnumSet;
import java.util.Set;

/** Where a lead stands in the qualification life cycle; {@link #canMoveTo} is the whole state machine. */
public enum LeadStatus {
    NEW, WORKING, QUALIFIED, UNQUALIFIED, CONVERTED, MERGED;

    /** The statuses this one may move to. CONVERTED and MERGED are final. */
    public Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(WORKING, QUALIFIED, UNQUALIFIED, MERGED);
            case WORKING -> EnumSet.of(QUALIFIED, UNQUALIFIED, MERGED);
            case QUALIFIED -> EnumSet.of(WORKING, UNQUALIFIED, CONVERTED, MERGED);
            case UNQUALIFIED -> EnumSet.of(WORKING, MERGED);
            case CONVERTED, MERGED -> EnumSet.noneOf(LeadStatus.class);
        };
    }

    public boolean canMoveTo(LeadStatus target) {
        return next().contains(target);
    }

    /** True for leads that are still being worked (not converted, merged or disqualified). */
    public boolean isOpen() {
        return this == NEW || this == WORKING || this == QUALIFIED;
    }
}
