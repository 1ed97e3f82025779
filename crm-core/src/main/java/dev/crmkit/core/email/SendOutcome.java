package dev.crmkit.core.email;

/** What a send did. Only {@link #SENT}, {@link #QUEUED} and {@link #DEFERRED} store a {@link SentEmail}. */
public enum SendOutcome {
    /** Handed to the sender. */
    SENT,
    /** Stored, and handed to the sender once the write it joined commits ({@code EmailService.queueMarketing}). */
    QUEUED,
    /** Held for the recipient's quiet hours; {@code sendDue()} sends it then. */
    DEFERRED,
    /** Not sent: the address has not (or no longer) given consent to marketing email. */
    NO_CONSENT,
    /** Not sent: the address is on the suppression list. */
    SUPPRESSED,
    /** Not sent: the address got the weekly cap of marketing emails already. */
    FREQUENCY_CAPPED
}
