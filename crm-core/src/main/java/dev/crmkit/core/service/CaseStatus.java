package dev.crmkit.core.service;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands; {@link #next()} is the whole state machine. RESOLVED and CLOSED move back to IN_PROGRESS
 * only as a reopen, which the service allows within {@link ServiceSettings#reopenWindow()} of the resolution.
 */
public enum CaseStatus {
    NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED;

    /** The statuses this one may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED);
            case WAITING_ON_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.of(IN_PROGRESS);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** True while someone still has to work on the case (not resolved or closed). */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
