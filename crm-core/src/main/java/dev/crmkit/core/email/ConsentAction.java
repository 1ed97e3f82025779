package dev.crmkit.core.email;

/** What changed in a {@link ConsentChange}. */
public enum ConsentAction {
    /** A double opt-in was started: a confirmation token was issued. */
    OPT_IN_REQUESTED,
    /** The confirmation link was followed: consent given. */
    OPT_IN_CONFIRMED,
    /** Consent (or another lawful basis) recorded directly, e.g. from a signed form or a contract. */
    GRANTED,
    /** Consent withdrawn: the unsubscribe link, or on the person's request. */
    UNSUBSCRIBED,
    /** Suppressed after a permanent bounce. */
    BOUNCED,
    /** Suppressed after a spam complaint. */
    COMPLAINED
}
