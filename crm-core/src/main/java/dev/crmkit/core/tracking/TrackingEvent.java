package dev.crmkit.core.tracking;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Events of prospect tracking, published after the write that caused them committed. */
public sealed interface TrackingEvent extends DomainEvent {

    /** A campaign was created ({@code version} 1) or changed. */
    record CampaignSaved(TenantId tenant, Instant occurredAt, Campaign campaign) implements TrackingEvent {
    }

    /** An ad was created or changed. */
    record AdSaved(TenantId tenant, Instant occurredAt, Ad ad) implements TrackingEvent {
    }

    /** An affiliate site was created or changed. */
    record AffiliateSaved(TenantId tenant, Instant occurredAt, AffiliateSite affiliate) implements TrackingEvent {
    }

    /** New touchpoints were stored by one call; repeats of known external event ids are not in the list. */
    record TouchpointsRecorded(TenantId tenant, Instant occurredAt, List<Touchpoint> touchpoints)
            implements TrackingEvent {
        public TouchpointsRecorded {
            touchpoints = List.copyOf(touchpoints);
        }
    }

    /** An anonymous visitor turned out to be a lead; {@code linked} of their touchpoints now count for it. */
    record VisitorIdentified(TenantId tenant, Instant occurredAt, String visitorId, LeadId lead, int linked)
            implements TrackingEvent {
    }
}
