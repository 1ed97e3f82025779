package dev.crmkit.core.service;

/** How urgent a case is; service levels set targets per priority, and escalation raises it. */
public enum CasePriority {
    LOW, MEDIUM, HIGH, URGENT;

    /** The next higher priority; URGENT stays URGENT. */
    public CasePriority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
