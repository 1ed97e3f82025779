package dev.crmkit.core.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * One interaction in an account's or contact's timeline.
 *
 * @param summary   one line for people, e.g. {@code "Phone call by rep-1 (300 s): interested"}; a purchase's
 *                  special instructions follow its product and price, their line breaks shown as {@code " / "}
 * @param reference id of the touchpoint, purchase or feedback the entry shows
 */
public record TimelineEntry(Kind kind, Instant at, String summary, UUID reference) {
    /** What the entry shows: a touchpoint of that kind, a purchase or feedback. */
    public enum Kind {
        AD_IMPRESSION, AD_CLICK, CONVERSION, EMAIL_SENT, EMAIL_CLICK, FORM_SUBMISSION, SITE_VISIT, PHONE_CALL,
        PURCHASE, FEEDBACK
    }
}
