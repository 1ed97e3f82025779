package dev.crmkit.core.customer;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.tracking.Direction;
import dev.crmkit.core.tracking.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Merges touchpoints, purchases and feedback into one newest-first list of {@link TimelineEntry}s. */
final class Timeline {
    /** Newest first; entries at the same instant in reverse id order, so the order is total and stable. */
    private static final Pattern LINE_BREAKS = Pattern.compile("\\h*(\\R\\h*)+");

    private Timeline() {
    }

    static Page<TimelineEntry> page(List<Touchpoint> touchpoints, List<Purchase> purchases, List<Feedback> feedback,
                                    PageRequest request) {
        List<TimelineEntry> all = new ArrayList<>(touchpoints.size() + purchases.size() + feedback.size());
        touchpoints.forEach(t -> all.add(entry(t)));
        purchases.forEach(p -> all.add(entry(p)));
        feedback.forEach(f -> all.add(entry(f)));
        all.sort(TimelineEntry.NEWEST_FIRST);
        return Page.of(all, request);
    }

    static TimelineEntry entry(Touchpoint t) {
        String summary = switch (t.kind()) {
            case AD_IMPRESSION -> t.count() + " ad impressions";
            case AD_CLICK -> with("Ad click", t.detail());
            case CONVERSION -> with(t.value() == null ? "Conversion" : "Conversion worth " + t.value(), t.detail());
            case EMAIL_SENT -> with("Email sent", t.detail());
            case EMAIL_CLICK -> with("Email link clicked", t.detail());
            case FORM_SUBMISSION -> with("Form submitted", t.detail());
            case PHONE_CALL -> repEntry("Phone call", t);
            case SITE_VISIT -> repEntry("Visit", t);
            case INTERACTION -> repEntry(interaction(t), t);
        };
        return new TimelineEntry(TimelineEntry.Kind.valueOf(t.kind().name()), t.occurredAt(), summary,
                t.id().value());
    }

    static TimelineEntry entry(Purchase p) {
        String product = p.productName() == null ? p.productCode() : p.productCode() + " (" + p.productName() + ")";
        String summary = "Purchase: " + p.quantity() + " x " + product + " at " + p.unitPrice();
        if (p.specialInstructions() != null) {
            // A summary is one line: line breaks (and blank lines) of multi-line instructions become " / ".
            summary += "; special instructions: "
                    + LINE_BREAKS.matcher(p.specialInstructions()).replaceAll(" / ");
        }
        return new TimelineEntry(TimelineEntry.Kind.PURCHASE, p.purchasedAt(), summary, p.id().value());
    }

    static TimelineEntry entry(Feedback f) {
        return new TimelineEntry(TimelineEntry.Kind.FEEDBACK, f.receivedAt(),
                with("Feedback " + f.rating() + "/5 via " + f.channel(), f.text()), f.id().value());
    }

    private static String interaction(Touchpoint t) {
        String channel = switch (t.channel()) {
            case WEB -> "Web";
            case EMAIL -> "Email";
            case PHONE -> "Phone";
            case CHAT -> "Chat";
            case MAIL -> "Mail";
            case SOCIAL -> "Social";
            case IN_PERSON -> "Meeting";
            case SMS -> "SMS";
        };
        String head = channel + (t.direction() == Direction.INBOUND ? " from them" : " to them");
        return t.reference() == null ? head : head + " [" + t.reference() + "]";
    }

    private static String repEntry(String what, Touchpoint t) {
        StringBuilder s = new StringBuilder(what);
        if (t.rep() != null) {
            s.append(" by ").append(t.rep());
        }
        if (t.durationSeconds() != null) {
            s.append(" (").append(t.durationSeconds()).append(" s)");
        }
        String text = t.outcome() == null ? t.detail() : t.detail() == null ? t.outcome()
                : t.outcome() + " - " + t.detail();
        return with(s.toString(), text);
    }

    private static String with(String head, @Nullable String detail) {
        return detail == null ? head : head + ": " + detail;
    }
}
