package dev.crmkit.core.email;

/** Why an address is on the suppression list, which every marketing send checks first. */
public enum SuppressionReason {
    /** The person unsubscribed; a confirmed opt-in lifts it. */
    UNSUBSCRIBED,
    /** Mail to the address bounced permanently. */
    BOUNCED,
    /** The person marked a message as spam. */
    COMPLAINED
}
