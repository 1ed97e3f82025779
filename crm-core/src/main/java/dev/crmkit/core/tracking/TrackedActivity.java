package dev.crmkit.core.tracking;

import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Activity the host's web, ad or email infrastructure reports to {@link TrackingService#record} (not to be confused
 * with {@link TrackingEvent}, what the CRM publishes). Each carries the sender's {@code externalEventId}: recording
 * the same id again changes nothing, so senders may retry freely. Ads and affiliate sites are named by their
 * tracking codes, as the links carry them.
 */
public sealed interface TrackedActivity {
    /** The sender's unique id for this event; required. */
    String externalEventId();

    /** {@code count} impressions of an ad (optionally on one affiliate site) on one UTC day. */
    record AdImpressions(String externalEventId, LocalDate day, String adCode, String affiliateCode, long count)
            implements TrackedActivity {
    }

    /** A visitor clicked an ad; {@code visitorId} is the host's anonymous visitor (cookie) id. */
    record AdClick(String externalEventId, Instant occurredAt, String visitorId, String adCode, String affiliateCode,
                   String landingUrl) implements TrackedActivity {
    }

    /**
     * A visitor or lead converted (bought, signed up). It is attributed to their first and last click before it;
     * campaign, ad and affiliate default to the last click's when no codes are given.
     */
    record Conversion(String externalEventId, Instant occurredAt, String visitorId, LeadId lead, Money value,
                      String adCode, String affiliateCode, String detail) implements TrackedActivity {
    }

    /** A campaign email went to a lead or contact. */
    record EmailSent(String externalEventId, Instant occurredAt, @Nullable LeadId lead, @Nullable ContactId contact,
                     @Nullable CampaignId campaign, String subject) implements TrackedActivity {
    }

    /** A lead or contact clicked a link in a campaign email; {@code visitorId} is optional. */
    record EmailClick(String externalEventId, Instant occurredAt, @Nullable LeadId lead, @Nullable ContactId contact,
                      @Nullable CampaignId campaign, @Nullable String visitorId,
                      String url) implements TrackedActivity {
    }

    /** A visitor (or known lead) submitted a web form. */
    record FormSubmission(String externalEventId, Instant occurredAt, @Nullable String visitorId,
                          @Nullable LeadId lead, @Nullable CampaignId campaign, String formName)
            implements TrackedActivity {
    }
}
