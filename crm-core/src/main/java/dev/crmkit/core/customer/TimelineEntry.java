package dev.crmkit.core.customer;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.tracking.Touchpoint;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * One interaction in an account's or contact's timeline.
 *
 * @param summary   one line for people, e.g. {@code "Phone call by rep-1 (300 s): interested"}; a purchase's
 *                  special instructions follow its product and price, their line breaks shown as {@code " / "}
 * @param reference id of the touchpoint, purchase or feedback the entry shows; the lead's own id for its changes
 */
public record TimelineEntry(Kind kind, Instant at, String summary, UUID reference) {
    /** Newest first; ties by reference, in id order, so every adapter pages them alike. */
    public static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::reference, EntityId::compare).reversed();

    /** What the entry shows: a touchpoint of that kind, a purchase, feedback, or a change of a lead. */
    public enum Kind {
        AD_IMPRESSION, AD_CLICK, CONVERSION, EMAIL_SENT, EMAIL_CLICK, FORM_SUBMISSION, SITE_VISIT, PHONE_CALL,
        INTERACTION, PURCHASE, FEEDBACK, LEAD_CHANGE
    }

    /** The entry {@code touchpoint} shows as, with its one-line summary. */
    public static TimelineEntry of(Touchpoint touchpoint) {
        return Timeline.entry(touchpoint);
    }
}
