package dev.crmkit.core.lead;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GeoCircle;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.GeoSearch;
import dev.crmkit.core.common.Geocoder;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Nearby;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PhoneRegions;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.consent.ConsentRecord;
import dev.crmkit.core.consent.Consents;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.TimelineEntry;
import dev.crmkit.core.lead.LeadEvent.LeadAssigned;
import dev.crmkit.core.lead.LeadEvent.LeadCaptured;
import dev.crmkit.core.lead.LeadEvent.LeadStatusChanged;
import dev.crmkit.core.lead.LeadEvent.LeadUpdated;
import dev.crmkit.core.lead.LeadEvent.LeadsMerged;
import dev.crmkit.core.sharing.Audience;
import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.tracking.Ad;
import dev.crmkit.core.tracking.AffiliateSite;
import dev.crmkit.core.tracking.Campaign;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TrackedActivity;
import dev.crmkit.core.tracking.TrackingLimits;
import dev.crmkit.core.tracking.TrackingService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Leads: capture by hand and from web forms, duplicate detection and merge, the qualification life cycle, scoring,
 * owner assignment and conversion into account + contact. Every write validates first and writes nothing when
 * anything is wrong.
 */
public final class LeadService {
    /** The kind {@code sharing.SharingSettings} names leads by. */
    private static final String KIND = "Lead";

    private final CrmContext<? extends LeadTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public LeadService(CrmContext<? extends LeadTx> ctx) {
        this.ctx = ctx;
    }

    // ---- capture ------------------------------------------------------------------------------------------------

    /**
     * Captures a lead a rep entered (or an import). Every invalid field is reported at once in a
     * {@code ValidationException} (field names as in {@link NewLead}); only for source {@code IMPORT}, a phone
     * number that cannot be verified is kept as entered ({@link Reach#unverifiedPhone()}) instead. The lead starts
     * NEW, flagged with the leads and contacts it looks like; its owner is the one given, else the acting user, else
     * (for the system actor) the {@link AssignmentRules}.
     */
    public LeadId capture(NewLead lead) {
        LeadInput.Fields in = checked(lead);
        return ctx.write(tx -> {
            Validation v = new Validation();
            checkAttribution(tx, in.attribution(), v);
            v.throwIfInvalid();
            boolean byPerson = !UserId.SYSTEM.equals(ctx.user());
            Lead saved = store(tx, in, false, byPerson ? ctx.user() : null, null);
            // The visitor's linked clicks count for the new lead's score.
            return (saved.visitorIds().isEmpty() ? saved : rescoreIn(tx, tx.leads().get(saved.id()))).id();
        });
    }

    /**
     * The lead {@code lead} would become, checked like {@link #capture} (every invalid field at once, lenient phones
     * for source {@code IMPORT}) but not stored, without owner or duplicates: what an import's dry run shows, and
     * what {@link DuplicateService#of(Lead)} compares before anything is saved.
     */
    public Lead preview(NewLead lead) {
        LeadInput.Fields in = checked(lead);
        return ctx.read(tx -> {
            Validation v = new Validation();
            checkAttribution(tx, in.attribution(), v);
            v.throwIfInvalid();
            return Lead.captured(LeadId.of(ctx.newId()), in, false, ctx.now());
        });
    }

    /**
     * Fills the empty fields of lead {@code id} from {@code values} (names, company, title, email, phone, address,
     * birth date, custom fields): what an import does with a row that is this lead again. Nothing the lead holds is
     * overwritten, consent is left as it is, and when nothing was empty nothing is written and the lead is returned
     * as it was. Invalid values are a {@code ValidationException} as on capture; a converted or merged lead is
     * refused ({@code id}).
     */
    public Lead fillEmpty(Ref<LeadId> id, NewLead values) {
        Validation.argument("id", id);
        LeadInput.Fields in = checked(values);
        return ctx.write(tx -> {
            Lead lead = current(tx, id);
            if (lead.status() == LeadStatus.CONVERTED || lead.status() == LeadStatus.MERGED) {
                throw new ValidationException("id", "is " + lead.status());
            }
            Lead filled = lead.filledFrom(in, ctx.now(), ctx.user());
            if (filled == lead) {
                return lead;
            }
            Lead saved = tx.leads().save(filled);
            ctx.raise(new LeadUpdated(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    private LeadInput.Fields checked(NewLead lead) {
        Validation.argument("lead", lead);
        Validation v = new Validation();
        LeadInput.Fields checked = LeadInput.validate(lead, LeadInput::apiName, today(),
                lead.source() == LeadSource.IMPORT, phoneRegions(), ctx.actor().tenant(), v);
        v.throwIfInvalid();
        return checked.withAddress(Geocoder.located(ctx.setting(Geocoder.class, () -> null), checked.address()));
    }

    /**
     * Captures a lead from a website form per {@code mapping}. Bad fields are reported under the form's own field
     * names. A filled honeypot stores the lead as spam (kept out of searches, matching, scoring and assignment).
     * Mapped ad and affiliate tracking codes set the attribution (unknown codes are kept as custom fields only, so a
     * stale link never loses a lead). The submitting visitor's earlier clicks now count for the lead, and a
     * form-submission touchpoint is recorded. Retrying with the same {@link WebFormSubmission#submissionId} returns
     * the lead captured the first time.
     */
    public FormCapture captureForm(FormMapping mapping, WebFormSubmission form) {
        Validation.argument("mapping", mapping);
        Validation.argument("form", form);
        Validation v = new Validation();
        NewLead in = LeadInput.fromForm(mapping, form, v);
        LeadInput.Fields checked = LeadInput.validate(in, f -> formName(mapping, f), today(), false, phoneRegions(),
                ctx.actor().tenant(), v);
        // The submission id becomes the form touchpoint's external event id.
        v.maxLength("submissionId", form.submissionId(), TrackingLimits.EXTERNAL_EVENT_ID);
        v.check(form.submissionId() == null || !form.submissionId().isBlank(), "submissionId", "must not be blank");
        v.throwIfInvalid();
        LeadInput.Fields located = checked.withAddress(Geocoder.located(ctx.setting(Geocoder.class, () -> null),
                checked.address()));
        String honeypot = mapping.honeypot() == null ? null : form.fields().get(mapping.honeypot());
        boolean spam = honeypot != null && !honeypot.isBlank();
        return ctx.write(tx -> {
            if (form.submissionId() != null) {
                Optional<Lead> earlier = tx.touchpoints().findByExternalEventId(form.submissionId())
                        .map(Touchpoint::lead).flatMap(lead -> tx.leads().find(lead));
                if (earlier.isPresent()) {
                    return new FormCapture(earlier.get().id(), earlier.get().spam(),
                            DuplicateService.seen(ctx, tx, earlier.get().duplicates()));
                }
            }
            LeadInput.Fields fields = located.withAttribution(attributionFromCodes(tx,
                    LeadInput.code(mapping, form, LeadField.AD_CODE),
                    LeadInput.code(mapping, form, LeadField.AFFILIATE_CODE)));
            Lead lead = store(tx, fields, spam, null, mapping.formName());
            if (!spam) {
                String visitor = fields.visitorIds().isEmpty() ? null : fields.visitorIds().iterator().next();
                String eventId = form.submissionId() != null ? form.submissionId() : "form:" + lead.id();
                tracking().record(new TrackedActivity.FormSubmission(eventId, ctx.now(), visitor, lead.id(),
                        lead.origin().attribution().campaign(), mapping.formName()));
                lead = rescoreIn(tx, tx.leads().get(lead.id()));
            }
            return new FormCapture(lead.id(), spam, DuplicateService.seen(ctx, tx, lead.duplicates()));
        });
    }

    private static String formName(FormMapping mapping, LeadField f) {
        String name = mapping.formFieldOf(f);
        if (name == null && (f == LeadField.FIRST_NAME || f == LeadField.LAST_NAME)) {
            name = mapping.formFieldOf(LeadField.FULL_NAME);
        }
        return name != null ? name : LeadInput.apiName(f);
    }

    /**
     * Saves a validated new lead (ids, duplicates, owner, score from its attributes) and links its visitor's clicks;
     * the caller rescores once it has recorded all the lead's touchpoints.
     */
    private Lead store(LeadTx tx, LeadInput.Fields in, boolean spam, @Nullable UserId defaultOwner,
                       @Nullable String formName) {
        Lead lead = Lead.captured(LeadId.of(ctx.newId()), in, spam, ctx.now());
        Lead saved = tx.leads().save(ready(tx, lead, spam ? List.of() : finder(tx).find(lead), defaultOwner,
                formName));
        List<ConsentRecord> given = consentGiven(saved);
        if (!given.isEmpty()) {
            tx.consents().append(given);
        }
        announce(saved);
        return saved;
    }

    /** A new lead with its attribution, duplicates, first owner, history line and score, ready to be saved. */
    private Lead ready(LeadTx tx, Lead lead, List<DuplicateMatch> found, @Nullable UserId defaultOwner,
                       @Nullable String formName) {
        return ready(tx, lead, found, defaultOwner, formName, true);
    }

    /**
     * As above; without {@code drawTurn} a lead that neither has an owner nor gets {@code defaultOwner} is left
     * without one, for the assignment rules' turn to be drawn when it is stored.
     */
    private Lead ready(LeadTx tx, Lead lead, List<DuplicateMatch> found, @Nullable UserId defaultOwner,
                       @Nullable String formName, boolean drawTurn) {
        Instant now = ctx.now();
        boolean spam = lead.spam();
        if (!spam) {
            // A spam lead keeps no visitors: the honeypot's filler is no prospect whose clicks should count.
            UserId owner = lead.owner() != null ? lead.owner() : defaultOwner != null ? defaultOwner
                    : drawTurn ? assigner(tx).ownerFor(lead.reach().address()) : null;
            lead = lead.onCapture(byTargetArea(tx, lead.origin().attribution(), GeoSearch.of(lead.reach().address())),
                    found, owner);
        }
        lead = lead.logged(now, ctx.user(), "CAPTURED", (formName == null ? "source " + lead.origin().source()
                : "form " + formName) + (spam ? " (spam: honeypot filled)" : "") + (lead.duplicates().isEmpty()
                ? "" : ", " + lead.duplicates().size() + " possible duplicate(s)"));
        return spam ? lead : lead.scored(LeadScoring.score(lead, List.of(), scoring(), now), now);
    }

    /** Tells the new lead's subscribers, and gives it its visitor's clicks. */
    private void announce(Lead saved) {
        ctx.raise(new LeadCaptured(ctx.actor().tenant(), ctx.now(), saved));
        for (String visitor : saved.visitorIds()) {
            tracking().identify(visitor, saved.id());
        }
    }

    /**
     * Captures many leads in one transaction, as an import does: each is checked as by {@link #capture} (a bad one
     * is refused alone, with its errors, the others go on), matched against the stored leads and contacts and
     * against the leads stored before it in this call, and stored unless {@code store} says no to its matches (an
     * import skipping what it already holds). The candidates of all of them are read together and the new leads
     * written together: a few statements per call instead of a dozen per lead. Same matches, owners, scores and
     * events as one {@code capture} per lead. {@code store} judges every match; the outcomes name only the records
     * the caller sees.
     *
     * @return one outcome per lead, in order
     */
    public List<BatchCapture> captureAll(List<NewLead> leads, Predicate<List<DuplicateMatch>> store) {
        return captureAll(leads, store, null);
    }

    /**
     * {@link #captureAll(List, Predicate)} for one of a run of calls, such as the batches of an import: the stored
     * leads {@code memo} remembers unchanged (by version) are not read again, and the leads this call stores are
     * remembered for the next. The outcomes are the same as without it.
     *
     * @param memo the run's memo, or null for none
     * @return one outcome per lead, in order
     */
    public List<BatchCapture> captureAll(List<NewLead> leads, Predicate<List<DuplicateMatch>> store,
                                         @Nullable CaptureMemo memo) {
        List<Object> checked = checkedAll(leads, store);
        UserId defaultOwner = defaultOwner();
        return ctx.write(tx -> storeIn(tx, matchIn(tx, checked, store, memo, defaultOwner, List.of())));
    }

    /**
     * The first half of {@link #captureAll(List, Predicate, CaptureMemo)}, in a read transaction: the leads checked,
     * matched and made ready, nothing written; {@link #storeMatched} writes them. {@code inFlight}, the previous
     * call's result, counts as stored before these leads whether or not its write has committed yet, so that a run
     * of batches can match one batch while the previous one is written (an import does) and get the outcomes of
     * {@code captureAll}, provided the batches are stored in order and each only after the one before committed.
     *
     * @param inFlight the previous batch of the run, or null
     */
    public MatchedCaptures matchAll(List<NewLead> leads, Predicate<List<DuplicateMatch>> store,
                                    @Nullable CaptureMemo memo, @Nullable MatchedCaptures inFlight) {
        List<Object> checked = checkedAll(leads, store);
        UserId defaultOwner = defaultOwner();
        List<Lead> flying = inFlight == null ? List.of() : inFlight.ready();
        return ctx.read(tx -> matchIn(tx, checked, store, memo, defaultOwner, flying));
    }

    /** Stores the leads {@code matched} made ready, in the current write if there is one; see {@link #matchAll}. */
    public List<BatchCapture> storeMatched(MatchedCaptures matched) {
        Validation.argument("matched", matched);
        return ctx.write(tx -> storeIn(tx, matched));
    }

    private List<Object> checkedAll(List<NewLead> leads, Predicate<List<DuplicateMatch>> store) {
        Validation.argument("leads", leads);
        Validation.argument("store", store);
        List<Object> checked = new ArrayList<>(leads.size()); // LeadInput.Fields, or the ValidationException
        for (NewLead lead : leads) {
            try {
                checked.add(checked(lead));
            } catch (ValidationException e) {
                checked.add(e);
            }
        }
        return checked;
    }

    private @Nullable UserId defaultOwner() {
        return UserId.SYSTEM.equals(ctx.user()) ? null : ctx.user();
    }

    /** Checks, matches and readies the leads of a batch; a lead the assignment rules give a turn gets it when stored. */
    private MatchedCaptures matchIn(LeadTx tx, List<Object> checked, Predicate<List<DuplicateMatch>> store,
                                    @Nullable CaptureMemo memo, @Nullable UserId defaultOwner,
                                    List<Lead> inFlight) {
        Instant now = ctx.now();
        List<Lead> drafts = new ArrayList<>();
        BatchCapture[] outcomes = new BatchCapture[checked.size()];
        List<Integer> rows = new ArrayList<>(); // the request position of each draft
        for (int i = 0; i < checked.size(); i++) {
            if (checked.get(i) instanceof ValidationException e) {
                outcomes[i] = new BatchCapture(null, List.of(), e.errors());
                continue;
            }
            LeadInput.Fields in = (LeadInput.Fields) checked.get(i);
            Validation v = new Validation();
            checkAttribution(tx, in.attribution(), v);
            try {
                v.throwIfInvalid();
            } catch (ValidationException e) {
                outcomes[i] = new BatchCapture(null, List.of(), e.errors());
                continue;
            }
            Lead draft = Lead.captured(LeadId.of(ctx.newId()), in, false, now);
            drafts.add(draft);
            rows.add(i);
        }
        BatchCandidates pool = BatchCandidates.of(tx, drafts, memo, inFlight);
        DuplicateFinder finder = finder(tx);
        List<Lead> ready = new ArrayList<>();
        for (int k = 0; k < drafts.size(); k++) {
            Lead draft = drafts.get(k);
            List<DuplicateMatch> found = finder.find(draft, pool);
            if (!store.test(found)) {
                outcomes[rows.get(k)] = new BatchCapture(null, found, List.of());
                continue;
            }
            // The assignment rules' turn is drawn in the write (a counter in the storage), in the order of the leads.
            Lead lead = ready(tx, draft, found, defaultOwner, null, false);
            pool.add(lead);
            ready.add(lead);
            outcomes[rows.get(k)] = new BatchCapture(lead.id(), lead.duplicates(), List.of());
        }
        // store judged every match; the outcomes name only the records the caller sees
        Predicate<DuplicateMatch> seen = DuplicateService.seen(ctx, tx);
        return new MatchedCaptures(Arrays.stream(outcomes).map(c -> c.duplicates().isEmpty() ? c
                : new BatchCapture(c.id(), c.duplicates().stream().filter(seen).toList(), c.errors())).toList(),
                ready, pool);
    }

    private List<BatchCapture> storeIn(LeadTx tx, MatchedCaptures matched) {
        LeadAssigner assigner = assigner(tx);
        List<Lead> owned = new ArrayList<>(matched.ready().size());
        for (Lead lead : matched.ready()) {
            UserId turn = lead.owner() == null ? assigner.ownerFor(lead.reach().address()) : null;
            owned.add(turn == null ? lead : lead.firstOwner(turn));
        }
        matched.pool().remember(tx);
        List<ConsentRecord> given = new ArrayList<>();
        for (Lead saved : tx.leads().saveAll(owned)) {
            matched.pool().stored(saved);
            given.addAll(consentGiven(saved));
            announce(saved);
            if (!saved.visitorIds().isEmpty()) {
                rescoreIn(tx, tx.leads().get(saved.id()));
            }
        }
        if (!given.isEmpty()) {
            tx.consents().append(given);
        }
        return matched.outcomes();
    }

    /**
     * The consent a new lead came with (a form's checkboxes, an import's columns), as records: each purpose it agreed
     * to, on the basis of that consent, saying where it came from. Spam agrees to nothing.
     */
    private List<ConsentRecord> consentGiven(Lead saved) {
        List<ConsentRecord> given = new ArrayList<>();
        if (saved.spam()) {
            return given;
        }
        for (ConsentPurpose p : ConsentPurpose.values()) {
            if (p != ConsentPurpose.SMS && Consents.granted(p, saved.consent(), Map.of())) {
                given.add(new ConsentRecord(ctx.newId(), saved.id().value(), p, true, LawfulBasis.CONSENT,
                        "given with the lead (" + saved.origin().source() + ")", null, ctx.user(), ctx.now()));
            }
        }
        return given;
    }

    /**
     * A lead captured with no campaign or ad, at a position inside the target area of a campaign running today, is
     * attributed to it: the smallest such area (the most specific), then the oldest campaign.
     */
    private static double targetRadiusKm(Campaign c) {
        GeoCircle area = c.targetArea();
        return area == null ? Double.MAX_VALUE : area.radiusKm();
    }

    private Attribution byTargetArea(LeadTx tx, Attribution a, @Nullable GeoPoint position) {
        if (position == null || a.campaign() != null || a.ad() != null) {
            return a;
        }
        LocalDate today = today();
        return tx.campaigns().targeted().stream()
                .filter(c -> c.runsOn(today) && c.targetArea() != null && c.targetArea().contains(position))
                .min(Comparator.comparingDouble(LeadService::targetRadiusKm)
                        .thenComparing(Campaign::createdAt).thenComparing(Campaign::id))
                .map(c -> new Attribution(c.id(), null, a.affiliate())).orElse(a);
    }

    private void checkAttribution(LeadTx tx, Attribution a, Validation v) {
        if (a.campaign() != null) {
            v.check(tx.campaigns().find(a.campaign()).isPresent(), "attribution.campaign",
                    "no such campaign: " + a.campaign());
        }
        if (a.ad() != null) {
            v.check(tx.ads().find(a.ad()).isPresent(), "attribution.ad", "no such ad: " + a.ad());
        }
        if (a.affiliate() != null) {
            v.check(tx.affiliates().find(a.affiliate()).isPresent(), "attribution.affiliate",
                    "no such affiliate site: " + a.affiliate());
        }
    }

    private static Attribution attributionFromCodes(LeadTx tx, @Nullable String adCode,
                                                    @Nullable String affiliateCode) {
        Optional<Ad> ad = adCode == null ? Optional.empty() : tx.ads().findByTrackingCode(adCode);
        Optional<AffiliateSite> site = affiliateCode == null ? Optional.empty()
                : tx.affiliates().findByTrackingCode(affiliateCode);
        return new Attribution(ad.map(Ad::campaign).orElse(null), ad.map(Ad::id).orElse(null),
                site.map(AffiliateSite::id).orElse(null));
    }

    /** The lead, when the caller sees it; a {@code NotFoundException} as for a lead that does not exist otherwise. */
    private Lead visible(LeadTx tx, Lead lead) {
        return Audience.visible(tx, Audience.of(ctx, tx, KIND), KIND, lead.id(), lead.owner(), lead);
    }

    /**
     * The lead {@code ref} names, when the caller sees it, at the version the caller read: visibility first, so a
     * hidden lead is not found whatever version the caller names (a version error would tell it exists).
     */
    private Lead current(LeadTx tx, Ref<LeadId> ref) {
        Lead stored = visible(tx, tx.leads().get(ref.id()));
        Ref.check(ref, stored, KIND);
        return stored;
    }

    private static Predicate<Lead> seenBy(LeadTx tx, Visibility visibility) {
        return l -> Audience.sees(tx, visibility, l.id().value(), l.owner());
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** The lead, or {@code NotFoundException} (also for a lead the caller may not see, see {@code sharing}). */
    public Lead get(LeadId id) {
        return ctx.read(tx -> asSeen(visible(tx, tx.leads().get(id)), DuplicateService.seen(ctx, tx)));
    }

    /**
     * {@code lead} as the caller may read it: with only the duplicate matches {@code seen} keeps, those naming records
     * they see (the stored lead keeps them all).
     */
    private static Lead asSeen(Lead lead, Predicate<DuplicateMatch> seen) {
        return lead.duplicates().isEmpty() ? lead : lead.withDuplicatesOnly(seen);
    }

    /**
     * Everything that happened with the lead, newest first: its touchpoints (ad clicks, forms, emails, calls, visits)
     * and its own history (captured, assigned, qualified, merged, converted ...), as the customer timelines show.
     */
    public Page<TimelineEntry> timeline(LeadId id, PageRequest page) {
        Validation.argument("page", page);
        return ctx.read(tx -> {
            Lead lead = visible(tx, tx.leads().get(id));
            List<TimelineEntry> all = new ArrayList<>();
            tx.touchpoints().findByLead(id).forEach(t -> all.add(TimelineEntry.of(t)));
            for (LeadHistoryEntry h : lead.history()) {
                String summary = h.action() + (h.by() == null ? "" : " by " + h.by().value())
                        + (h.detail() == null || h.detail().isBlank() ? "" : ": " + h.detail());
                all.add(new TimelineEntry(TimelineEntry.Kind.LEAD_CHANGE, h.at(), summary, id.value()));
            }
            all.sort(TimelineEntry.NEWEST_FIRST);
            return Page.of(all, page);
        });
    }

    /**
     * Leads matching {@code query} that the caller sees, oldest first; spam and merged leads only when asked for. A
     * rep sees their own leads, their teams' down the management hierarchy, those shared with them and unassigned
     * ones; an ADMIN all (see {@code sharing.Access}).
     */
    public Page<Lead> search(LeadQuery query, PageRequest page) {
        return ctx.read(tx -> {
            Page<Lead> found = tx.leads().search(query, Audience.of(ctx, tx, KIND), page);
            Predicate<DuplicateMatch> seen = DuplicateService.seen(ctx, tx); // one visibility per kind for the page
            return new Page<>(found.items().stream().map(l -> asSeen(l, seen)).toList(), page, found.total());
        });
    }

    /**
     * Prospects near a place: leads whose address lies within {@code radiusKm} of {@code center}, nearest first (ties
     * by id), at most {@code limit}; merged and spam leads are left out. A radius of 0 or less, over
     * {@link GeoSearch#MAX_KM}, or a limit out of 1..1000 is a {@code ValidationException}.
     */
    public List<Nearby<Lead>> near(GeoPoint center, double radiusKm, int limit) {
        GeoSearch.check(center, radiusKm, limit);
        return ctx.read(tx -> GeoSearch.nearest(tx.leads().findWithin(GeoBox.around(center, radiusKm)).stream()
                        .filter(l -> l.status() != LeadStatus.MERGED && !l.spam())
                        .filter(seenBy(tx, Audience.of(ctx, tx, KIND))).toList(),
                l -> GeoSearch.of(l.reach().address()), Lead::id, center, radiusKm, limit));
    }

    /**
     * The leads and contacts that look like this lead now (data may have changed since its capture); leads the
     * caller does not see are left out.
     */
    public List<DuplicateMatch> findDuplicates(LeadId id) {
        return ctx.read(tx -> {
            Lead l = visible(tx, tx.leads().get(id));
            return DuplicateService.seen(ctx, tx, finder(tx).find(l));
        });
    }

    // ---- merge --------------------------------------------------------------------------------------------------

    /**
     * Folds {@code duplicate} into {@code survivor}: the survivor keeps its values and takes the duplicate's where
     * it has none, gains its visitors, tags, custom fields, touchpoints, tasks, calendar events and history; the
     * duplicate becomes MERGED, pointing at the survivor. Needs the ADMIN role; both leads must be open (not
     * converted or merged). Pass the leads you read to refuse the merge when either changed since
     * ({@code ConcurrentUpdateException}).
     */
    public Lead merge(Ref<LeadId> survivor, Ref<LeadId> duplicate) {
        Validation.argument("survivor", survivor);
        Validation.argument("duplicate", duplicate);
        ctx.actor().require(Actor.ADMIN, "merge leads");
        LeadId keepId = survivor.id();
        LeadId goneId = duplicate.id();
        if (keepId.equals(goneId)) {
            throw new ValidationException("duplicate", "must differ from survivor");
        }
        return ctx.write(tx -> {
            Lead keep = tx.leads().current(survivor);
            Lead gone = tx.leads().current(duplicate);
            Validation v = new Validation();
            v.check(keep.status().canMoveTo(LeadStatus.MERGED), "survivor", "is " + keep.status());
            v.check(gone.status().canMoveTo(LeadStatus.MERGED), "duplicate", "is " + gone.status());
            v.throwIfInvalid();
            Instant now = ctx.now();
            Lead merged = tx.leads().save(gone.retire(keepId, now, ctx.user()));
            tx.touchpoints().reassignLead(goneId, keepId);
            LeadWork.move(tx, goneId, Subject.of(keepId), now);
            Lead kept = tx.leads().save(keep.absorb(gone, now, ctx.user()));
            narrowConsent(tx, keep, gone, now);
            kept = rescoreIn(tx, kept);
            ctx.raise(new LeadsMerged(ctx.actor().tenant(), now, kept, merged));
            return kept;
        });
    }

    /**
     * A merge keeps the most restrictive consent: for each purpose the survivor had agreed to and the duplicate had
     * not, or the duplicate had refused and the survivor had not, the survivor's record gains a withdrawal saying so
     * (its flags are narrowed by {@link Lead#absorb}).
     */
    private void narrowConsent(LeadTx tx, Lead keep, Lead gone, Instant now) {
        Map<ConsentPurpose, ConsentRecord> kept = tx.consents().current(keep.id().value());
        Map<ConsentPurpose, ConsentRecord> lost = tx.consents().current(gone.id().value());
        for (ConsentPurpose p : ConsentPurpose.values()) {
            ConsentRecord keptWord = kept.get(p);
            ConsentRecord lostWord = lost.get(p);
            boolean narrows = Consents.granted(p, keep.consent(), kept) && !Consents.granted(p, gone.consent(), lost);
            // a recorded refusal goes over too: tracking, which reads the records, must keep stopping
            boolean refusal = lostWord != null && !lostWord.granted() && (keptWord == null || keptWord.granted());
            if (narrows || refusal) {
                tx.consents().append(List.of(new ConsentRecord(ctx.newId(), keep.id().value(), p, false, null,
                        "merge: lead " + gone.id() + " had not agreed", null, ctx.user(), now)));
            }
        }
    }

    // ---- life cycle ---------------------------------------------------------------------------------------------

    /** NEW or UNQUALIFIED → WORKING: a rep is on it. Pass the lead you read to refuse a stale change. */
    public Lead startWorking(Ref<LeadId> id) {
        return move(id, LeadStatus.WORKING, null);
    }

    /** → QUALIFIED: ready to convert. Pass the lead you read to refuse a stale change. */
    public Lead qualify(Ref<LeadId> id) {
        return move(id, LeadStatus.QUALIFIED, null);
    }

    /** → UNQUALIFIED, with the reason (required). Pass the lead you read to refuse a stale change. */
    public Lead disqualify(Ref<LeadId> id, String reason) {
        Validation v = new Validation();
        String why = v.requireText("reason", reason);
        v.maxLength("reason", why, LeadLimits.UNQUALIFIED_REASON);
        v.throwIfInvalid();
        return move(id, LeadStatus.UNQUALIFIED, Validation.checked(why));
    }

    private Lead move(Ref<LeadId> id, LeadStatus to, @Nullable String reason) {
        Validation.argument("id", id);
        return ctx.write(tx -> {
            Lead l = current(tx, id);
            Lead saved = tx.leads().save(l.moveTo(to, reason, ctx.now(), ctx.user()));
            ctx.raise(new LeadStatusChanged(ctx.actor().tenant(), ctx.now(), saved, l.status(), to));
            return saved;
        });
    }

    /**
     * Converts a QUALIFIED lead into a contact at an account (see {@link ConvertLead} for how they are found or
     * created); its touchpoints and visitors now count for the contact and account, its tasks and calendar events
     * are about the contact. Any other status is an {@code IllegalTransitionException}. Pass the lead you read to
     * refuse converting it when it changed since ({@code ConcurrentUpdateException}).
     */
    public Conversion convert(Ref<LeadId> id, ConvertLead how) {
        Validation.argument("id", id);
        Validation.argument("how", how);
        return ctx.write(tx -> new LeadConversion(ctx, tx).convert(current(tx, id), how));
    }

    // ---- ownership ----------------------------------------------------------------------------------------------

    /**
     * Gives the lead to {@code owner}. A rep may take an unowned lead or one they own; anything else (giving a lead
     * to someone else, taking another rep's lead) needs the MANAGER role. Pass the lead you read to refuse a stale
     * change.
     */
    public Lead assign(Ref<LeadId> id, UserId owner) {
        Validation.argument("id", id);
        Validation.argument("owner", owner);
        return ctx.write(tx -> {
            Lead l = current(tx, id);
            if (owner.equals(l.owner())) {
                return l;
            }
            boolean selfService = owner.equals(ctx.user()) && (l.owner() == null || l.owner().equals(ctx.user()));
            if (!selfService) {
                ctx.actor().require(Actor.MANAGER, "assign a lead to " + owner);
            }
            Lead saved = tx.leads().save(l.assignTo(owner, ctx.now(), ctx.user()));
            ctx.raise(new LeadAssigned(ctx.actor().tenant(), ctx.now(), saved, l.owner()));
            return saved;
        });
    }

    // ---- tags ---------------------------------------------------------------------------------------------------

    /**
     * Adds {@code tag} to the lead (nothing changes when it has it); the owner, a MANAGER or an ADMIN may. A blank or
     * over-long tag is a {@code ValidationException} naming {@code tag}. Pass the lead you read to refuse a stale
     * change.
     */
    public Lead addTag(Ref<LeadId> id, String tag) {
        Validation.argument("id", id);
        Validation v = new Validation();
        String given = v.requireText("tag", tag);
        v.maxLength("tag", given, LeadLimits.TAG);
        v.singleLine("tag", given);
        v.throwIfInvalid();
        String clean = Validation.checked(given);
        return ctx.write(tx -> {
            Lead l = current(tx, id);
            if (!ctx.user().equals(l.owner())) {
                ctx.actor().require(Actor.MANAGER, "tag another rep's lead");
            }
            if (l.tags().contains(clean)) {
                return l;
            }
            Lead saved = tx.leads().save(l.tag(clean, ctx.now(), ctx.user()));
            ctx.raise(new LeadUpdated(ctx.actor().tenant(), ctx.now(), saved));
            return saved;
        });
    }

    // ---- scoring ------------------------------------------------------------------------------------------------

    /** The lead's score as of now (touchpoints decay with time); the stored score is the one of the last rescore. */
    public int score(LeadId id) {
        return ctx.read(tx -> {
            Lead l = visible(tx, tx.leads().get(id));
            return l.spam() ? 0 : LeadScoring.score(l, tx.touchpoints().findByLead(id), scoring(), ctx.now());
        });
    }

    /**
     * Recomputes and stores the scores of these leads (done automatically when touchpoints are recorded for them);
     * returns how many changed. Unknown ids are skipped.
     */
    public int rescore(Collection<LeadId> ids) {
        Validation.argument("ids", ids);
        return ctx.write(tx -> {
            int changed = 0;
            for (LeadId id : new LinkedHashSet<>(ids)) {
                Optional<Lead> l = tx.leads().find(id);
                if (l.isPresent() && rescoreIn(tx, l.get()) != l.get()) {
                    changed++;
                }
            }
            return changed;
        });
    }

    /**
     * Recomputes the stored scores of every open lead, so decay shows in searches by score; hosts run this
     * periodically (e.g. nightly). Returns how many changed.
     */
    public int rescoreOpen() {
        List<LeadId> open = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        LeadQuery q = LeadQuery.all().withStatuses(LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.QUALIFIED);
        Page<Lead> p;
        do {
            PageRequest at = page;
            p = ctx.read(tx -> tx.leads().search(q, Visibility.everything(), at)); // every lead, whoever runs it
            p.items().forEach(l -> open.add(l.id()));
            page = page.next();
        } while (p.hasNext());
        return rescore(open);
    }

    /** Saves the lead with its current score if that changed; returns the lead as stored. */
    private Lead rescoreIn(LeadTx tx, Lead l) {
        if (l.spam()) {
            return l;
        }
        int now = LeadScoring.score(l, tx.touchpoints().findByLead(l.id()), scoring(), ctx.now());
        if (now == l.score()) {
            return l;
        }
        Lead saved = tx.leads().save(l.scored(now, ctx.now()));
        ctx.raise(new LeadUpdated(ctx.actor().tenant(), ctx.now(), saved));
        return saved;
    }

    // ---- collaborators ------------------------------------------------------------------------------------------

    private PhoneRegions phoneRegions() {
        return ctx.setting(PhoneRegions.class, PhoneRegions::none);
    }

    private ScoringRules scoring() {
        return ctx.setting(ScoringRules.class, ScoringRules::defaults);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
    }

    private DuplicateFinder finder(LeadTx tx) {
        return new DuplicateFinder(tx, Scorer.of(TenantDuplicateRules.forActor(ctx)));
    }

    private LeadAssigner assigner(LeadTx tx) {
        return new LeadAssigner(tx, ctx.setting(AssignmentRules.class, AssignmentRules::none));
    }

    private TrackingService tracking() {
        return new TrackingService(ctx);
    }

    static final Comparator<LeadHistoryEntry> HISTORY_ORDER = Comparator.comparing(LeadHistoryEntry::at);
}
