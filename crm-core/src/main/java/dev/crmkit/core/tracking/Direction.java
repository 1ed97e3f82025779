package dev.crmkit.core.tracking;

/** Which way an interaction went, seen from the company. */
public enum Direction {
    /** The person reached the company: a chat they opened, an SMS or letter they sent. */
    INBOUND,
    /** The company reached the person. */
    OUTBOUND
}
