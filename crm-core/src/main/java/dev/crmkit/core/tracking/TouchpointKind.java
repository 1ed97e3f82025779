package dev.crmkit.core.tracking;

/** What kind of contact with a prospect a touchpoint records. */
public enum TouchpointKind {
    /** Ads shown; recorded in bulk, {@code count} per ad, affiliate and day. */
    AD_IMPRESSION(true),
    AD_CLICK(true),
    CONVERSION(true),
    EMAIL_SENT(true),
    EMAIL_CLICK(true),
    FORM_SUBMISSION(true),
    /** A rep visited the prospect. */
    SITE_VISIT(false),
    /** A rep phoned the prospect (or took their call). */
    PHONE_CALL(false),
    /**
     * A conversation on any channel, in or out — a chat, an SMS, a social post or message, a letter, an email
     * exchange — logged by a rep or by the host's integration with that channel.
     */
    INTERACTION(false);

    private final boolean automatic;

    TouchpointKind(boolean automatic) {
        this.automatic = automatic;
    }

    /** True for kinds recorded by the tracking API rather than entered by a rep. */
    public boolean automatic() {
        return automatic;
    }
}
