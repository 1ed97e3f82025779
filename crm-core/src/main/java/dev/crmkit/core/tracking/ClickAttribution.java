package dev.crmkit.core.tracking;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** First- and last-click attribution of a conversion. */
final class ClickAttribution {
    /** Touchpoint order of every adapter: occurrence time, then id; ties in time resolve the same way everywhere. */
    static final Comparator<Touchpoint> ORDER = Comparator.comparing(Touchpoint::occurredAt)
            .thenComparing(Touchpoint::id);

    private ClickAttribution() {
    }

    /**
     * Sets the conversion's first and last click from {@code candidates} (the same visitor's and lead's
     * touchpoints, possibly overlapping): clicks not after the conversion count. Campaign, ad and affiliate come
     * from the last click when the conversion named none of them.
     */
    static void attribute(TouchpointDraft conversion, Collection<Touchpoint> candidates) {
        List<Touchpoint> clicks = candidates.stream()
                .filter(t -> t.kind() == TouchpointKind.AD_CLICK || t.kind() == TouchpointKind.EMAIL_CLICK)
                .filter(t -> !t.occurredAt().isAfter(conversion.occurredAt))
                .sorted(ORDER)
                .toList();
        if (clicks.isEmpty()) {
            return;
        }
        Touchpoint last = clicks.get(clicks.size() - 1);
        conversion.firstClick = clicks.get(0).id();
        conversion.lastClick = last.id();
        if (conversion.campaign == null && conversion.ad == null && conversion.affiliate == null) {
            conversion.campaign = last.campaign();
            conversion.ad = last.ad();
            conversion.affiliate = last.affiliate();
        }
    }
}
