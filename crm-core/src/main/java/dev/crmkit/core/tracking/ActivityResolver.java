package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.tracking.TrackedActivity.AdClick;
import dev.crmkit.core.tracking.TrackedActivity.AdImpressions;
import dev.crmkit.core.tracking.TrackedActivity.Conversion;
import dev.crmkit.core.tracking.TrackedActivity.EmailClick;
import dev.crmkit.core.tracking.TrackedActivity.EmailSent;
import dev.crmkit.core.tracking.TrackedActivity.FormSubmission;
import dev.crmkit.core.tracking.TrackedPeople.TrackedLead;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns tracked activity and rep entries into touchpoint drafts: checks every field, resolves tracking codes to ads
 * and affiliate sites and known visitors to their lead. Lookups are cached per call, because a batch names the same
 * few ads and visitors many times.
 */
final class ActivityResolver {
    private static final Pattern SOCIAL_REFERENCE = Pattern.compile("@[^\\s@]{1,100}|https?://\\S+");

    private final TrackingTx tx;
    private final TrackedPeople people;
    private final Map<String, Optional<Ad>> ads = new HashMap<>();
    private final Map<String, Optional<AffiliateSite>> affiliates = new HashMap<>();
    // made once: a lambda written at the lookup would be a new object for every click
    private final Function<String, Optional<Ad>> adOfCode;
    private final Function<String, Optional<AffiliateSite>> siteOfCode;
    private final Map<String, Optional<TrackedLead>> leadOfVisitor = new HashMap<>();
    private boolean visitorsPrefetched; // every visitor the batch names was looked up: their leads are these
    private Map<String, TrackedLead> prefetchedLeads = Map.of();
    private final Map<LeadId, Optional<TrackedLead>> leads = new HashMap<>();
    private final Map<ContactId, Optional<Optional<AccountId>>> contacts = new HashMap<>();
    private final Map<CampaignId, Boolean> campaignExists = new HashMap<>();

    ActivityResolver(TrackingTx tx) {
        this.tx = tx;
        this.people = tx.trackedPeople();
        this.adOfCode = code -> tx.ads().findByTrackingCode(code);
        this.siteOfCode = code -> tx.affiliates().findByTrackingCode(code);
    }

    /**
     * Reads the leads {@code events} name, and the leads of their visitors, in one go each, so that resolving them
     * asks storage no more: a batch of clicks from a thousand visitors is two queries, not a thousand.
     */
    void prefetch(List<? extends TrackedActivity> events) {
        Set<LeadId> ids = new HashSet<>();
        // a list, not a set: a database adapter drops repeats itself; in memory a repeat costs one more lookup, less
        // than hashing every id into a set
        List<String> visitors = new ArrayList<>(events.size());
        for (TrackedActivity e : events) {
            LeadId lead = e instanceof EmailSent s ? s.lead() : e instanceof EmailClick c ? c.lead()
                    : e instanceof Conversion c ? c.lead() : e instanceof FormSubmission f ? f.lead() : null;
            String visitor = Text.blankToNull(e instanceof AdClick a ? a.visitorId()
                    : e instanceof Conversion c ? c.visitorId() : e instanceof FormSubmission f ? f.visitorId() : null);
            if (lead != null && !leads.containsKey(lead)) {
                ids.add(lead);
            } else if (lead == null && visitor != null && lookedUp(visitor)) {
                visitors.add(visitor); // stripped, as resolving finds it
            }
        }
        if (ids.size() > 1) {
            Map<LeadId, TrackedLead> found = people.leads(ids);
            ids.forEach(id -> leads.put(id, Optional.ofNullable(found.get(id))));
        }
        if (visitors.size() > 1) {
            prefetchedLeads = people.leadsOfVisitors(visitors);
            visitorsPrefetched = true;
        }
    }

    /** Only a visitor id that passes validation is looked up: PostgreSQL fails on a NUL even in a WHERE clause. */
    private static boolean lookedUp(@Nullable String visitorId) {
        return visitorId != null && visitorId.length() <= TrackingLimits.VISITOR_ID
                && Text.badChar(visitorId, false) < 0;
    }

    @Nullable TouchpointDraft resolve(TrackedActivity event, Validation v) {
        TouchpointDraft d;
        // Java 17 has no pattern switch; the sealed interface keeps this list complete by review.
        if (event instanceof AdImpressions e) {
            d = impressions(e, v);
        } else if (event instanceof AdClick e) {
            d = click(e, v);
        } else if (event instanceof Conversion e) {
            d = conversion(e, v);
        } else if (event instanceof EmailSent e) {
            d = emailSent(e, v);
        } else if (event instanceof EmailClick e) {
            d = emailClick(e, v);
        } else if (event instanceof FormSubmission e) {
            d = form(e, v);
        } else {
            v.check(false, "event", "is required");
            return null;
        }
        d.externalEventId = v.requireText("externalEventId", event.externalEventId(),
                TrackingLimits.EXTERNAL_EVENT_ID);
        v.maxLength("visitorId", d.visitorId, TrackingLimits.VISITOR_ID);
        return d;
    }

    private TouchpointDraft impressions(AdImpressions e, Validation v) {
        TouchpointDraft d = new TouchpointDraft(TouchpointKind.AD_IMPRESSION, Channel.WEB);
        if (v.require("day", e.day()) != null) {
            d.occurredAt = e.day().atStartOfDay(ZoneOffset.UTC).toInstant();
            v.instant("day", d.occurredAt);
        }
        v.check(e.count() > 0 && e.count() <= TrackingLimits.IMPRESSIONS, "count",
                "must be from 1 to " + TrackingLimits.IMPRESSIONS);
        d.count = e.count();
        adAndAffiliate(d, e.adCode(), true, e.affiliateCode(), v);
        return d;
    }

    private TouchpointDraft click(AdClick e, Validation v) {
        TouchpointDraft d = timed(TouchpointKind.AD_CLICK, Channel.WEB, e.occurredAt(), e.landingUrl(), v);
        v.require("visitorId", Text.blankToNull(e.visitorId())); // whether it is single-line: see resolve
        adAndAffiliate(d, e.adCode(), true, e.affiliateCode(), v);
        visitorOrLead(d, e.visitorId(), null, false, v);
        return d;
    }

    private TouchpointDraft conversion(Conversion e, Validation v) {
        TouchpointDraft d = timed(TouchpointKind.CONVERSION, Channel.WEB, e.occurredAt(), e.detail(), v);
        d.value = e.value();
        v.check(e.value() == null || !e.value().isNegative(), "value", "must not be negative");
        adAndAffiliate(d, e.adCode(), false, e.affiliateCode(), v);
        visitorOrLead(d, e.visitorId(), e.lead(), true, v);
        return d;
    }

    private TouchpointDraft emailSent(EmailSent e, Validation v) {
        TouchpointDraft d = timed(TouchpointKind.EMAIL_SENT, Channel.EMAIL, e.occurredAt(), e.subject(), v);
        campaign(d, e.campaign(), v);
        recipient(d, e.lead(), e.contact(), v);
        return d;
    }

    private TouchpointDraft emailClick(EmailClick e, Validation v) {
        TouchpointDraft d = timed(TouchpointKind.EMAIL_CLICK, Channel.EMAIL, e.occurredAt(), e.url(), v);
        d.visitorId = Text.blankToNull(e.visitorId());
        campaign(d, e.campaign(), v);
        recipient(d, e.lead(), e.contact(), v);
        return d;
    }

    private TouchpointDraft form(FormSubmission e, Validation v) {
        TouchpointDraft d = timed(TouchpointKind.FORM_SUBMISSION, Channel.WEB, e.occurredAt(), e.formName(), v);
        campaign(d, e.campaign(), v);
        visitorOrLead(d, e.visitorId(), e.lead(), true, v);
        return d;
    }

    /** A rep's call or visit: who it concerns, resolved like the automatic events' people. */
    TouchpointDraft repEntry(TouchpointKind kind, Channel channel, RepInteraction in, Instant now, Validation v) {
        TouchpointDraft d = new TouchpointDraft(kind, channel);
        logged(d, in.occurredAt(), in.durationSeconds(), in.outcome(), now, v);
        d.detail = Text.blankToNull(in.notes());
        v.multiLine("notes", d.detail, 0);
        regarding(d, in.lead(), in.contact(), in.account(), v);
        return d;
    }

    TouchpointDraft interaction(Interaction in, Instant now, Validation v) {
        v.require("channel", in.channel());
        v.require("direction", in.direction());
        TouchpointDraft d = new TouchpointDraft(TouchpointKind.INTERACTION,
                in.channel() == null ? Channel.WEB : in.channel());
        d.direction = in.direction() == null ? Direction.INBOUND : in.direction();
        logged(d, in.occurredAt(), in.durationSeconds(), in.outcome(), now, v);
        d.detail = Text.blankToNull(in.summary());
        v.multiLine("summary", d.detail, 0);
        d.externalEventId = Text.blankToNull(in.externalId());
        if (v.singleLine("externalId", d.externalEventId)) {
            v.maxLength("externalId", d.externalEventId, TrackingLimits.EXTERNAL_EVENT_ID);
        }
        d.reference = Text.blankToNull(in.reference());
        if (v.singleLine("reference", d.reference) && v.maxLength("reference", d.reference, TrackingLimits.REFERENCE)
                && d.reference != null && in.channel() == Channel.SOCIAL) {
            v.check(SOCIAL_REFERENCE.matcher(d.reference).matches(), "reference",
                    "a social reference is a handle (@name) or a post URL (http or https)");
        }
        regarding(d, in.lead(), in.contact(), in.account(), v);
        return d;
    }

    private static void logged(TouchpointDraft d, @Nullable Instant occurredAt, @Nullable Integer durationSeconds,
            @Nullable String outcome,
                               Instant now, Validation v) {
        d.occurredAt = occurredAt == null ? now : occurredAt;
        v.check(!d.occurredAt.isAfter(now), "occurredAt", "must not be in the future");
        v.instant("occurredAt", d.occurredAt);
        v.check(durationSeconds == null || durationSeconds >= 0, "durationSeconds", "must not be negative");
        d.durationSeconds = durationSeconds;
        d.outcome = Text.blankToNull(outcome);
        v.maxLength("outcome", d.outcome, TrackingLimits.OUTCOME);
    }

    private void regarding(TouchpointDraft d, @Nullable LeadId lead, @Nullable ContactId contact,
            @Nullable AccountId account, Validation v) {
        if (v.check(lead != null || contact != null || account != null, "regarding",
                "name a lead, a contact or an account")) {
            lead(d, lead, v);
            contact(d, contact, v);
            if (account != null) {
                v.check(people.accountExists(account), "account", "no such account: " + account);
                v.check(d.account == null || d.account.equals(account), "account", "is not the contact's account");
                d.account = account;
            }
        }
    }

    private static TouchpointDraft timed(TouchpointKind kind, Channel channel, Instant occurredAt,
                                         @Nullable String detail, Validation v) {
        TouchpointDraft d = new TouchpointDraft(kind, channel);
        d.occurredAt = v.require("occurredAt", occurredAt);
        v.instant("occurredAt", occurredAt);
        d.detail = Text.blankToNull(detail);
        return d;
    }

    private void adAndAffiliate(TouchpointDraft d, String adCode, boolean adRequired, String affiliateCode,
                                Validation v) {
        String code = Text.blankToNull(adCode);
        if (code == null) {
            v.check(!adRequired, "adCode", "is required");
        } else {
            Optional<Ad> ad = ads.computeIfAbsent(code, adOfCode);
            // the message only when it is needed: every click passes through here
            if (ad.isPresent()) {
                d.ad = ad.get().id();
                d.campaign = ad.get().campaign();
            } else {
                v.check(false, "adCode", "no ad has tracking code '" + code + "'");
            }
        }
        String aff = Text.blankToNull(affiliateCode);
        if (aff != null) {
            Optional<AffiliateSite> site = affiliates.computeIfAbsent(aff, siteOfCode);
            if (site.isPresent()) {
                d.affiliate = site.get().id();
            } else {
                v.check(false, "affiliateCode", "no affiliate site has tracking code '" + aff + "'");
            }
        }
    }

    private void campaign(TouchpointDraft d, @Nullable CampaignId campaign, Validation v) {
        if (campaign != null) {
            boolean exists = campaignExists.computeIfAbsent(campaign, c -> tx.campaigns().find(c).isPresent());
            v.check(exists, "campaign", "no such campaign: " + campaign);
            d.campaign = campaign;
        }
    }

    private void visitorOrLead(TouchpointDraft d, @Nullable String visitorId, @Nullable LeadId lead,
                               boolean oneRequired, Validation v) {
        d.visitorId = Text.blankToNull(visitorId);
        if (oneRequired) {
            v.check(d.visitorId != null || lead != null, "visitorId", "or a lead is required");
        }
        lead(d, lead, v);
        String visitor = d.visitorId;
        if (d.lead == null && visitor != null) {
            TrackedLead known = prefetchedLeads.get(visitor);
            if (known == null && !visitorsPrefetched && lookedUp(visitor)) {
                known = leadOfVisitor.computeIfAbsent(visitor, people::leadOfVisitor).orElse(null);
            }
            if (known != null) {
                linkTo(d, known);
            }
        }
    }

    private void recipient(TouchpointDraft d, @Nullable LeadId lead, @Nullable ContactId contact, Validation v) {
        v.check(lead != null || contact != null, "lead", "or a contact is required");
        lead(d, lead, v);
        contact(d, contact, v);
    }

    private void lead(TouchpointDraft d, @Nullable LeadId lead, Validation v) {
        if (lead != null) {
            Optional<TrackedLead> found = leads.computeIfAbsent(lead, people::lead);
            if (v.check(found.isPresent(), "lead", "no such lead: " + lead)) {
                linkTo(d, found.get());
            }
        }
    }

    /** A converted lead's touchpoints belong to its contact and account too, so their timelines show them. */
    private static void linkTo(TouchpointDraft d, TrackedLead lead) {
        d.lead = lead.id();
        if (lead.convertedContact() != null && d.contact == null) {
            d.contact = lead.convertedContact();
            d.account = lead.convertedAccount();
        }
    }

    private void contact(TouchpointDraft d, @Nullable ContactId contact, Validation v) {
        if (contact != null) {
            Optional<Optional<AccountId>> c = contacts.computeIfAbsent(contact, people::accountOfContact);
            if (v.check(c.isPresent(), "contact", "no such contact: " + contact)) {
                d.contact = contact;
                AccountId account = c.get().orElse(null);
                d.account = account;
            }
        }
    }
}
