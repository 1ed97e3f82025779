package dev.crmkit.core.nurture;

/** Why an enrollment left its sequence before the end. */
public enum ExitReason {
    /** The person replied ({@code SequenceService.recordReply}). */
    REPLIED,
    /** The lead was converted. */
    CONVERTED,
    /** The lead was disqualified. */
    DISQUALIFIED,
    /** The lead was merged into another. */
    MERGED,
    /** The address unsubscribed or complained. */
    UNSUBSCRIBED,
    /** Email to the address bounced. */
    BOUNCED,
    /** The address has not given consent to marketing email, or has no address. */
    NO_CONSENT,
    /** A user took the person out. */
    REMOVED
}
