package dev.crmkit.core.tracking;

/**
 * The longest text, in characters, prospect tracking keeps per field; longer input is a {@code ValidationException}
 * naming the field. The JPA adapter's columns have exactly these widths (a test there reads them from the
 * database), so every adapter accepts the same values.
 */
public final class TrackingLimits {
    /** Names of campaigns, ads and affiliate sites. */
    public static final int NAME = 255;
    /** Tracking codes of ads and affiliate sites (unique per tenant). */
    public static final int TRACKING_CODE = 255;
    /** An ad's landing page URL. */
    public static final int LANDING_URL = 2000;
    /** An affiliate site's domain. */
    public static final int SITE_DOMAIN = 255;
    /** A touchpoint's external event id (the idempotency key, unique per tenant). */
    public static final int EXTERNAL_EVENT_ID = 255;
    /** A visitor id, on touchpoints and on the leads it identifies. */
    public static final int VISITOR_ID = 255;
    /** A channel's own reference for an interaction: a chat transcript id, a social handle or post URL, ... */
    public static final int REFERENCE = 500;
    /** The outcome of a logged call or visit. */
    public static final int OUTCOME = 1000;
    /**
     * The most impressions one record counts: far beyond any ad server's daily figure, and small enough that the
     * totals reports add up over years of records never leave the exact range of a long.
     */
    public static final long IMPRESSIONS = 1_000_000_000_000L;

    private TrackingLimits() {
    }
}
