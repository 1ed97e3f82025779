package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.sharing.Audience;
import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.tracking.TrackingEvent.AdSaved;
import dev.crmkit.core.tracking.TrackingEvent.AffiliateSaved;
import dev.crmkit.core.tracking.TrackingEvent.CampaignSaved;
import dev.crmkit.core.tracking.TrackingEvent.TouchpointsRecorded;
import dev.crmkit.core.tracking.TrackingEvent.VisitorIdentified;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Prospect tracking: campaigns, ads and affiliate sites; touchpoints reported by the host's web, ad and email
 * infrastructure (recorded idempotently by external event id); calls and visits entered by reps.
 */
public final class TrackingService {
    private final CrmContext<? extends TrackingTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public TrackingService(CrmContext<? extends TrackingTx> ctx) {
        this.ctx = ctx;
    }

    // ---- setup --------------------------------------------------------------------------------------------------

    /** Creates a campaign; a blank name, an end before the start or a negative budget is a ValidationException. */
    public CampaignId createCampaign(CampaignDetails details) {
        return saveCampaign(null, details).id();
    }

    /**
     * Replaces the details of the campaign {@code read}, the record they were computed from. When it changed since,
     * nothing is written and this is a {@code ConcurrentUpdateException}.
     */
    public Campaign updateCampaign(Campaign read, CampaignDetails details) {
        return saveCampaign(Objects.requireNonNull(read, "read"), details);
    }

    /**
     * As {@link #updateCampaign(Campaign, CampaignDetails)}, for a caller that kept the id and the version it read;
     * an unknown id is a {@code NotFoundException}.
     */
    public Campaign updateCampaign(CampaignId id, long expectedVersion, CampaignDetails details) {
        return saveCampaign(Ref.of(id, expectedVersion), details);
    }

    /** Creates ({@code ref} null) or replaces the campaign {@code ref}. */
    private Campaign saveCampaign(@Nullable Ref<CampaignId> ref, CampaignDetails d) {
        Validation.argument("details", d);
        Validation v = new Validation();
        String text = v.requireText("name", d.name());
        v.maxLength("name", text, TrackingLimits.NAME);
        v.check(d.startDate() == null || d.endDate() == null || !d.endDate().isBefore(d.startDate()), "endDate",
                "must not be before startDate");
        v.check(d.budget() == null || !d.budget().isNegative(), "budget", "must not be negative");
        v.throwIfInvalid();
        String name = Validation.checked(text);
        return ctx.write(tx -> {
            Campaign old = ref == null ? null : tx.campaigns().current(ref);
            CampaignId id = ref == null ? null : ref.id();
            Campaign saved = tx.campaigns().save(new Campaign(id == null ? CampaignId.of(ctx.newId()) : id,
                    old == null ? 0 : old.version(), name, d.channel(), d.startDate(), d.endDate(), d.budget(),
                    d.targetArea(), old == null ? ctx.now() : old.createdAt()));
            ctx.raise(new CampaignSaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    /** Creates an ad of an existing campaign; a tracking code already used is a {@code DuplicateException}. */
    public AdId createAd(AdDetails details) {
        return saveAd(null, details).id();
    }

    /**
     * Replaces the details of the ad {@code read}, the record they were computed from; its tracking code stays unique
     * in the tenant. When it changed since, nothing is written and this is a {@code ConcurrentUpdateException}.
     */
    public Ad updateAd(Ad read, AdDetails details) {
        return saveAd(Objects.requireNonNull(read, "read"), details);
    }

    /** As {@link #updateAd(Ad, AdDetails)}, for a caller that kept the id and the version it read. */
    public Ad updateAd(AdId id, long expectedVersion, AdDetails details) {
        return saveAd(Ref.of(id, expectedVersion), details);
    }

    /** Creates ({@code ref} null) or replaces the ad {@code ref}. */
    private Ad saveAd(@Nullable Ref<AdId> ref, AdDetails d) {
        AdId id = ref == null ? null : ref.id();
        Validation.argument("details", d);
        return ctx.write(tx -> {
            Validation v = new Validation();
            String nameText = v.requireText("name", d.name());
            String codeText = v.requireText("trackingCode", d.trackingCode());
            String landingUrl = Text.blankToNull(d.landingUrl());
            v.maxLength("name", nameText, TrackingLimits.NAME);
            v.maxLength("trackingCode", codeText, TrackingLimits.TRACKING_CODE);
            v.maxLength("landingUrl", landingUrl, TrackingLimits.LANDING_URL);
            if (v.require("campaign", d.campaign()) != null) {
                v.check(tx.campaigns().find(d.campaign()).isPresent(), "campaign", "no such campaign: " + d.campaign());
            }
            v.throwIfInvalid();
            String name = Validation.checked(nameText);
            String code = Validation.checked(codeText);
            Ad old = ref == null ? null : tx.ads().current(ref);
            tx.ads().findByTrackingCode(code).filter(other -> !other.id().equals(id)).ifPresent(other -> {
                throw new DuplicateException("tracking code '" + code + "' is already used by ad '" + other.name()
                        + "' (" + other.id() + ")");
            });
            Ad saved = tx.ads().save(new Ad(id == null ? AdId.of(ctx.newId()) : id, old == null ? 0 : old.version(),
                    d.campaign(), name, code, landingUrl,
                    old == null ? ctx.now() : old.createdAt()));
            ctx.raise(new AdSaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    /** Creates an affiliate site; a tracking code already used is a {@code DuplicateException}. */
    public AffiliateId createAffiliate(AffiliateDetails details) {
        return saveAffiliate(null, details).id();
    }

    /**
     * Replaces the details of the affiliate site {@code read}, the record they were computed from; its tracking code
     * stays unique in the tenant. When it changed since, nothing is written and this is a
     * {@code ConcurrentUpdateException}.
     */
    public AffiliateSite updateAffiliate(AffiliateSite read, AffiliateDetails details) {
        return saveAffiliate(Objects.requireNonNull(read, "read"), details);
    }

    /** As {@link #updateAffiliate(AffiliateSite, AffiliateDetails)}, for a caller that kept the id and version read. */
    public AffiliateSite updateAffiliate(AffiliateId id, long expectedVersion, AffiliateDetails details) {
        return saveAffiliate(Ref.of(id, expectedVersion), details);
    }

    /** Creates ({@code ref} null) or replaces the affiliate site {@code ref}. */
    private AffiliateSite saveAffiliate(@Nullable Ref<AffiliateId> ref, AffiliateDetails d) {
        AffiliateId id = ref == null ? null : ref.id();
        Validation.argument("details", d);
        Validation v = new Validation();
        String nameText = v.requireText("name", d.name());
        String codeText = v.requireText("trackingCode", d.trackingCode());
        String domain = Text.blankToNull(d.domain());
        v.maxLength("name", nameText, TrackingLimits.NAME);
        v.maxLength("trackingCode", codeText, TrackingLimits.TRACKING_CODE);
        v.maxLength("domain", domain, TrackingLimits.SITE_DOMAIN);
        v.throwIfInvalid();
        String name = Validation.checked(nameText);
        String code = Validation.checked(codeText);
        return ctx.write(tx -> {
            AffiliateSite old = ref == null ? null : tx.affiliates().current(ref);
            tx.affiliates().findByTrackingCode(code).filter(other -> !other.id().equals(id)).ifPresent(other -> {
                throw new DuplicateException("tracking code '" + code + "' is already used by affiliate site '"
                        + other.name() + "' (" + other.id() + ")");
            });
            AffiliateSite saved = tx.affiliates().save(new AffiliateSite(
                    id == null ? AffiliateId.of(ctx.newId()) : id, old == null ? 0 : old.version(),
                    name, domain, code, old == null ? ctx.now() : old.createdAt()));
            ctx.raise(new AffiliateSaved(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    /** All campaigns, oldest first. */
    public List<Campaign> campaigns() {
        return ctx.read(tx -> tx.campaigns().list());
    }

    /** The campaign's ads, oldest first. */
    public List<Ad> ads(CampaignId campaign) {
        return ctx.read(tx -> tx.ads().findByCampaign(campaign));
    }

    /** All affiliate sites, oldest first. */
    public List<AffiliateSite> affiliates() {
        return ctx.read(tx -> tx.affiliates().list());
    }

    /** The campaign, if it exists. */
    public Optional<Campaign> campaign(CampaignId id) {
        return ctx.read(tx -> tx.campaigns().find(id));
    }

    /** The ad, if it exists. */
    public Optional<Ad> ad(AdId id) {
        return ctx.read(tx -> tx.ads().find(id));
    }

    // ---- tracking API -------------------------------------------------------------------------------------------

    /**
     * Records one event; returns false when its external event id was recorded before, or when the person it names
     * refused profiling (nothing changes then).
     */
    public boolean record(TrackedActivity event) {
        return ingest(List.of(Validation.argument("event", event)), false) == 1;
    }

    /**
     * Records a batch in one transaction and returns how many events were new; repeats of recorded external ids,
     * also within the batch, are skipped. A bad event fails the whole batch with every problem named as
     * {@code events[i].field}, and nothing is written.
     */
    public int recordAll(List<? extends TrackedActivity> events) {
        return ingest(events, true);
    }

    private int ingest(List<? extends TrackedActivity> events, boolean batch) {
        Validation.argument("events", events);
        return ctx.write(tx -> {
            ActivityResolver resolver = new ActivityResolver(tx);
            resolver.prefetch(events);
            Validation v = new Validation();
            List<TouchpointDraft> plain = new ArrayList<>();
            List<TouchpointDraft> conversions = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                TouchpointDraft d = resolver.resolve(events.get(i), batch ? v.nested("events", i) : v);
                if (d != null) {
                    (d.kind == TouchpointKind.CONVERSION ? conversions : plain).add(d);
                }
            }
            v.throwIfInvalid();
            Set<UUID> refused = refusedProfiling(tx, plain, conversions);
            if (!refused.isEmpty()) {
                plain.removeIf(d -> profiles(d, refused));
                conversions.removeIf(d -> profiles(d, refused));
            }
            List<Touchpoint> stored = new ArrayList<>(tx.touchpoints().insertAll(build(plain)));
            // Conversions go second so that clicks of the same batch count for their attribution. A retried one is
            // skipped before attribution, which reads the visitor's whole history.
            conversions.removeIf(c -> tx.touchpoints().findByExternalEventId(Validation.checked(c.externalEventId))
                    .isPresent());
            for (TouchpointDraft c : conversions) {
                ClickAttribution.attribute(c, clickCandidates(tx, c));
            }
            stored.addAll(tx.touchpoints().insertAll(build(conversions)));
            if (!stored.isEmpty()) {
                ctx.raise(new TouchpointsRecorded(ctx.actor().tenant(), ctx.now(), stored));
            }
            return stored.size();
        });
    }

    /**
     * The leads and contacts among the drafts' people whose latest word on profiling is a refusal: their activity is
     * not recorded (the emails sent to them still are: that is what CRMKit did, not what they did). One lookup for the
     * whole batch.
     */
    private static Set<UUID> refusedProfiling(TrackingTx tx, List<TouchpointDraft> plain,
                                              List<TouchpointDraft> conversions) {
        Set<UUID> people = new HashSet<>();
        for (List<TouchpointDraft> drafts : List.of(plain, conversions)) {
            for (TouchpointDraft d : drafts) {
                if (d.kind != TouchpointKind.EMAIL_SENT) {
                    if (d.lead != null) {
                        people.add(d.lead.value());
                    }
                    if (d.contact != null) {
                        people.add(d.contact.value());
                    }
                }
            }
        }
        return people.isEmpty() ? Set.of() : tx.consents().withdrawn(people, ConsentPurpose.PROFILING);
    }

    private static boolean profiles(TouchpointDraft d, Set<UUID> refused) {
        return d.kind != TouchpointKind.EMAIL_SENT && (d.lead != null && refused.contains(d.lead.value())
                || d.contact != null && refused.contains(d.contact.value()));
    }

    private static List<Touchpoint> clickCandidates(TrackingTx tx, TouchpointDraft conversion) {
        Map<TouchpointId, Touchpoint> byId = new LinkedHashMap<>();
        if (conversion.visitorId != null) {
            tx.touchpoints().findByVisitor(conversion.visitorId).forEach(t -> byId.put(t.id(), t));
        }
        if (conversion.lead != null) {
            tx.touchpoints().findByLead(conversion.lead).forEach(t -> byId.put(t.id(), t));
        }
        return new ArrayList<>(byId.values());
    }

    private List<Touchpoint> build(List<TouchpointDraft> drafts) {
        List<Touchpoint> built = new ArrayList<>(drafts.size());
        for (TouchpointDraft d : drafts) {
            built.add(d.build(TouchpointId.of(ctx.newId())));
        }
        return built;
    }

    /**
     * Links an anonymous visitor to the lead they turned out to be: their past touchpoints count for the lead
     * (and its contact, if converted), and so do their future ones; a lead merged into another hands them to that
     * one. Returns how many past touchpoints were linked.
     */
    public int identify(String visitorId, LeadId lead) {
        Validation.argument("lead", lead);
        Validation v = new Validation();
        String text = v.requireText("visitorId", visitorId);
        v.maxLength("visitorId", text, TrackingLimits.VISITOR_ID);
        v.throwIfInvalid();
        String visitor = Validation.checked(text);
        return ctx.write(tx -> {
            TrackedPeople people = tx.trackedPeople();
            // A merged lead's visitor is its survivor's.
            TrackedPeople.TrackedLead l = people.get(lead);
            int linked = tx.touchpoints().linkVisitorToLead(visitor, l.id());
            if (l.convertedContact() != null) {
                tx.touchpoints().linkLeadToContact(l.id(), l.convertedContact(), l.convertedAccount());
            }
            people.addVisitor(l.id(), visitor, ctx.now());
            ctx.raise(new VisitorIdentified(ctx.actor().tenant(), ctx.now(), visitor, l.id(), linked));
            return linked;
        });
    }

    // ---- rep-entered ---------------------------------------------------------------------------------------------

    /** Logs a phone call by the acting user. */
    public TouchpointId logCall(RepInteraction call) {
        return logRepEntry(TouchpointKind.PHONE_CALL, Channel.PHONE, call);
    }

    /** Logs a visit by the acting user to the prospect or customer. */
    public TouchpointId logVisit(RepInteraction visit) {
        return logRepEntry(TouchpointKind.SITE_VISIT, Channel.IN_PERSON, visit);
    }

    /**
     * Logs a conversation on any channel, in or out, on the timelines of the lead, contact and account it concerns;
     * the acting user is its rep. An {@code externalId} logged before returns that interaction and writes nothing.
     */
    public TouchpointId logInteraction(Interaction interaction) {
        Validation.argument("interaction", interaction);
        return ctx.write(tx -> {
            Validation v = new Validation();
            TouchpointDraft d = new ActivityResolver(tx).interaction(interaction, ctx.now(), v);
            v.throwIfInvalid();
            if (d.externalEventId != null) {
                Optional<Touchpoint> logged = tx.touchpoints().findByExternalEventId(d.externalEventId);
                if (logged.isPresent()) {
                    return logged.get().id();
                }
            }
            return storeRepEntry(tx, d);
        });
    }

    private TouchpointId logRepEntry(TouchpointKind kind, Channel channel, RepInteraction in) {
        Validation.argument("interaction", in);
        return ctx.write(tx -> {
            Validation v = new Validation();
            TouchpointDraft d = new ActivityResolver(tx).repEntry(kind, channel, in, ctx.now(), v);
            v.throwIfInvalid();
            return storeRepEntry(tx, d);
        });
    }

    /**
     * Stores an entry by the acting user. A concurrent writer may store the same external id between the check and
     * the insert, which then skips it: the stored one is the answer.
     */
    private TouchpointId storeRepEntry(TrackingTx tx, TouchpointDraft d) {
        d.rep = ctx.user();
        List<Touchpoint> stored = tx.touchpoints().insertAll(build(List.of(d)));
        if (stored.isEmpty()) {
            // Only an entry with an external id is ever skipped: the one stored under it is the answer.
            return tx.touchpoints().findByExternalEventId(Objects.requireNonNull(d.externalEventId)).orElseThrow()
                    .id();
        }
        ctx.raise(new TouchpointsRecorded(ctx.actor().tenant(), ctx.now(), stored));
        return stored.get(0).id();
    }

    /**
     * The touchpoints of a visitor that the caller sees, oldest first: one about a lead, contact or account is seen
     * with that record (see {@code sharing}), an anonymous one by everyone.
     */
    public List<Touchpoint> touchpointsOfVisitor(String visitorId) {
        Validation.lookup("visitorId", visitorId, false);
        return ctx.read(tx -> seen(tx, tx.touchpoints().findByVisitor(visitorId)));
    }

    /** The touchpoints of a lead, oldest first; none of a lead the caller does not see (as of a missing one). */
    public List<Touchpoint> touchpointsOfLead(LeadId lead) {
        return ctx.read(tx -> seen(tx, tx.touchpoints().findByLead(lead)));
    }

    /** The touchpoint, if it exists and the caller sees it. */
    public Optional<Touchpoint> touchpoint(TouchpointId id) {
        return ctx.read(tx -> tx.touchpoints().find(id).filter(t -> !seen(tx, List.of(t)).isEmpty()));
    }

    /** {@code touchpoints} without those about a record the caller does not see. */
    private List<Touchpoint> seen(TrackingTx tx, List<Touchpoint> touchpoints) {
        Map<EntityId, Boolean> records = new HashMap<>();
        Map<String, Visibility> kinds = new HashMap<>();
        return touchpoints.stream().filter(t -> {
            EntityId about = t.lead() != null ? t.lead() : t.contact() != null ? t.contact() : t.account();
            return about == null || records.computeIfAbsent(about, r -> tx.ownedRecords().find(r)
                    .map(o -> Audience.sees(tx, kinds.computeIfAbsent(o.kind(), k -> Audience.of(ctx, tx, k)), o))
                    .orElse(true));
        }).toList();
    }
}
