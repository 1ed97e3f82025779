package dev.crmkit.core.email;

/** Where an address stands on marketing email. Only {@link #SUBSCRIBED} receives it. */
public enum ConsentStatus {
    /** Nothing asked or given yet. */
    NONE,
    /** An opt-in was requested; the confirmation link was not followed (yet). */
    PENDING,
    /** Consent was confirmed (double opt-in) or granted on another lawful basis. */
    SUBSCRIBED,
    /** The person withdrew consent. */
    UNSUBSCRIBED
}
