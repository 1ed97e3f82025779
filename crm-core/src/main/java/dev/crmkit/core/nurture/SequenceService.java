package dev.crmkit.core.nurture;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.email.EmailKind;
import dev.crmkit.core.email.EmailRecipient;
import dev.crmkit.core.email.EmailRequest;
import dev.crmkit.core.email.EmailService;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.email.SendResult;
import dev.crmkit.core.email.SentEmailId;
import dev.crmkit.core.email.SuppressionReason;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.sharing.Audience;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.TaskService;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nurture sequences of the actor's tenant: a stored series of steps (send an email template, wait, branch on
 * engagement, create a task for the owner, end) that each enrolled lead walks on its own clock.
 *
 * <p>People enter by {@link #enroll} (or a workflow rule's {@code enroll} action), at most once at a time per
 * sequence; they leave at an {@code End} step, or early when they reply ({@link #recordReply}), convert, are
 * disqualified or merged, unsubscribe, bounce or have no consent (checked before each step runs), or when a user
 * takes them out ({@link #remove}). Steps run from the host's schedule ({@link #runDue}, also run by
 * {@code crm.automation().runDue()}): each step's move is a versioned write and its email goes to the sender only
 * after that committed, so two nodes never run one step twice, a crash mid-step leaves it due, and a crash after it
 * resends at most the email in flight.
 *
 * <p>Changing sequences needs the {@link Actor#ADMIN} role; enrolling, pausing and reading the MANAGER or ADMIN role.
 * A stored sequence's steps do not change (create a new one instead); deactivating it stops new enrollments only.
 */
public final class SequenceService {
    private static final Logger LOG = LoggerFactory.getLogger(SequenceService.class);
    /** Retried this much later when the weekly email cap held a step back. */
    static final Duration CAPPED_RETRY = Duration.ofDays(1);
    /** Due enrollments read at a time. */
    static final int BATCH = 100;
    private static final Set<TouchpointKind> VISITS = EnumSet.of(TouchpointKind.SITE_VISIT,
            TouchpointKind.FORM_SUBMISSION, TouchpointKind.AD_CLICK, TouchpointKind.EMAIL_CLICK);

    private final CrmContext<? extends NurtureTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public SequenceService(CrmContext<? extends NurtureTx> ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    // ---- sequences ----------------------------------------------------------------------------------------------

    /** Stores an active sequence; its email steps must name marketing templates of the tenant. */
    public SequenceId create(SequenceDefinition sequence) {
        ctx.actor().require(Actor.ADMIN, "create nurture sequences");
        Validation.argument("sequence", sequence);
        return ctx.write(tx -> {
            Validation v = new Validation();
            List<SequenceStep> steps = sequence.steps();
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i) instanceof SequenceStep.SendEmail e) {
                    v.check(tx.emailTemplates().find(e.template()).filter(t -> t.kind() == EmailKind.MARKETING)
                            .isPresent(), "steps[" + i + "].template", "is not a marketing email template of this "
                            + "tenant: " + e.template());
                }
            }
            v.throwIfInvalid();
            return tx.nurtureSequences().save(new Sequence(SequenceId.of(ctx.newId()), 0, sequence, true, ctx.now(),
                    ctx.now())).id();
        });
    }

    /** Stores the sequence read from {@code json} ({@link SequenceDefinition#fromJson}). */
    public SequenceId create(String json) {
        ctx.actor().require(Actor.ADMIN, "create nurture sequences");
        return create(SequenceDefinition.fromJson(json));
    }

    /** The sequence, or {@code NotFoundException}. */
    public Sequence get(SequenceId id) {
        requireReader();
        return ctx.read(tx -> tx.nurtureSequences().get(Validation.argument("id", id)));
    }

    /** The tenant's sequences, oldest first. */
    public List<Sequence> list() {
        requireReader();
        return ctx.read(tx -> tx.nurtureSequences().list());
    }

    /** Lets people be enrolled ({@code active}) or not; people already in it go on either way. */
    public Sequence activate(Ref<SequenceId> sequence, boolean active) {
        ctx.actor().require(Actor.ADMIN, "change nurture sequences");
        Validation.argument("sequence", sequence);
        return ctx.write(tx -> tx.nurtureSequences().save(tx.nurtureSequences().current(sequence)
                .activate(active, ctx.now())));
    }

    // ---- enrollments --------------------------------------------------------------------------------------------

    /**
     * Enrolls the lead; its first step runs at the next {@link #runDue}. A lead already in the sequence (active or
     * paused) keeps that enrollment, whose id is returned. An inactive sequence or a converted or merged lead is a
     * {@link ValidationException}.
     */
    public EnrollmentId enroll(SequenceId sequence, LeadId lead) {
        requireReader();
        Validation.argument("sequence", sequence);
        Validation.argument("lead", lead);
        return ctx.write(tx -> enroll(tx, sequence, lead));
    }

    private EnrollmentId enroll(NurtureTx tx, SequenceId sequence, LeadId lead) {
        Sequence s = tx.nurtureSequences().get(sequence);
        Audience.requireSeen(ctx, tx, lead);
        Lead l = tx.leads().get(lead);
        Validation v = new Validation();
        v.check(s.active(), "sequence", "is not active: " + s.name());
        v.check(l.status() != LeadStatus.CONVERTED && l.status() != LeadStatus.MERGED, "lead",
                "is " + l.status().name().toLowerCase(Locale.ROOT));
        v.throwIfInvalid();
        Optional<Enrollment> open = tx.enrollments().findOpen(sequence, lead);
        if (open.isPresent()) {
            return open.get().id();
        }
        return tx.enrollments().save(Enrollment.start(EnrollmentId.of(ctx.newId()), sequence, lead,
                s.definition().first().id(), ctx.now())).id();
    }

    /** The enrollment, or {@code NotFoundException}. */
    public Enrollment enrollment(EnrollmentId id) {
        requireReader();
        return ctx.read(tx -> seen(tx, tx.enrollments().get(Validation.argument("id", id))));
    }

    /** The lead's enrollments, oldest first; a lead the caller does not see is a {@code NotFoundException}. */
    public List<Enrollment> enrollmentsOf(LeadId lead) {
        requireReader();
        Validation.argument("lead", lead);
        return ctx.read(tx -> {
            Audience.requireSeen(ctx, tx, lead);
            return tx.enrollments().ofLead(lead);
        });
    }

    /** Holds an active enrollment: its step does not run until {@link #resume}. */
    public Enrollment pause(Ref<EnrollmentId> enrollment) {
        return change(enrollment, e -> e.pause(ctx.now()));
    }

    /** Lets a paused enrollment go on: its current step runs at the next {@link #runDue}. */
    public Enrollment resume(Ref<EnrollmentId> enrollment) {
        return change(enrollment, e -> e.resume(ctx.now()));
    }

    /** Takes the person out of the sequence ({@link ExitReason#REMOVED}). */
    public Enrollment remove(Ref<EnrollmentId> enrollment) {
        return change(enrollment, e -> e.exit(ExitReason.REMOVED, ctx.now()));
    }

    /** The lead replied: every sequence they are in ends for them ({@link ExitReason#REPLIED}). Returns how many. */
    public int recordReply(LeadId lead) {
        return endFor(lead, ExitReason.REPLIED);
    }

    /**
     * Ends every open enrollment of the lead for {@code reason}; returns how many. Done at once when a lead converts,
     * is disqualified or merged away (and checked again before each step, should the node stop in between).
     */
    public int endFor(LeadId lead, ExitReason reason) {
        requireReader();
        Validation.argument("lead", lead);
        Validation.argument("reason", reason);
        return ctx.write(tx -> {
            Audience.requireSeen(ctx, tx, lead);
            int exited = 0;
            for (Enrollment e : tx.enrollments().ofLead(lead)) {
                if (e.open()) {
                    tx.enrollments().save(e.exit(reason, ctx.now()));
                    exited++;
                }
            }
            return exited;
        });
    }

    private Enrollment change(Ref<EnrollmentId> enrollment, UnaryOperator<Enrollment> edit) {
        requireReader();
        Validation.argument("enrollment", enrollment);
        return ctx.write(tx -> {
            seen(tx, tx.enrollments().get(enrollment.id())); // the lead's visibility before the version
            return tx.enrollments().save(edit.apply(tx.enrollments().current(enrollment)));
        });
    }

    /** {@code e}, when the caller sees its lead; else the {@code NotFoundException} of a missing enrollment. */
    private Enrollment seen(NurtureTx tx, Enrollment e) {
        if (!Audience.seen(ctx, tx, e.lead())) {
            throw new NotFoundException("Enrollment", e.id());
        }
        return e;
    }

    // ---- stats --------------------------------------------------------------------------------------------------

    /** Per step, in the sequence's order: entered, emails sent, clicked, converted. */
    public List<StepStats> stats(SequenceId sequence) {
        requireReader();
        Validation.argument("sequence", sequence);
        return ctx.read(tx -> {
            SequenceDefinition def = tx.nurtureSequences().get(sequence).definition();
            Map<String, long[]> counts = new LinkedHashMap<>();
            def.steps().forEach(s -> counts.put(s.id(), new long[4]));
            for (Enrollment e : tx.enrollments().ofSequence(sequence)) {
                Lead lead = tx.leads().find(e.lead()).orElse(null);
                boolean converted = e.exitReason() == ExitReason.CONVERTED
                        || lead != null && lead.status() == LeadStatus.CONVERTED;
                List<Touchpoint> touchpoints = e.sent().isEmpty() ? List.of() : tx.touchpoints().findByLead(e.lead());
                for (String step : e.path()) {
                    long[] c = counts.get(step);
                    if (c == null) {
                        continue;
                    }
                    c[0]++;
                    SentEmailId email = e.sent().get(step);
                    if (email != null) {
                        c[1]++;
                        if (clicked(touchpoints, email)) {
                            c[2]++;
                        }
                    }
                    if (converted) {
                        c[3]++;
                    }
                }
            }
            List<StepStats> stats = new ArrayList<>();
            counts.forEach((step, c) -> stats.add(new StepStats(step, c[0], c[1], c[2], c[3])));
            return stats;
        });
    }

    // ---- running ------------------------------------------------------------------------------------------------

    /**
     * Runs the steps of the tenant's enrollments that are due now; returns how many enrollments moved. A page of due
     * steps runs in one transaction, and its emails go to the sender after that commits, each marked sent in a write
     * of its own: a crash resends at most the email in flight, and two nodes never run one step twice (each step's
     * move is a versioned write; the node that loses runs the page again one step at a time and skips what the other
     * moved). Emails that a crash or a failing sender left behind are sent first.
     */
    public int runDue() {
        Instant now = ctx.now();
        CrmContext<? extends NurtureTx> system = ctx.as(new Actor(ctx.actor().tenant(), UserId.SYSTEM,
                Set.of(Actor.MANAGER, Actor.ADMIN)));
        if (system.setting(EmailSettings.class, () -> null) != null) {
            new EmailService(system).sendDue();
        }
        Set<EnrollmentId> seen = new HashSet<>();
        int moved = 0;
        while (true) {
            List<Enrollment> due = system.read(tx -> tx.enrollments().due(now, BATCH)).stream()
                    .filter(e -> seen.add(e.id())).toList();
            if (due.isEmpty()) {
                return moved;
            }
            moved += runPage(system, due, now);
        }
    }

    /**
     * Runs a page of due steps in one transaction. When the page fails (another node moved one of its enrollments, or
     * one step is refused), each step runs again in a transaction of its own.
     */
    private int runPage(CrmContext<? extends NurtureTx> system, List<Enrollment> due, Instant now) {
        try {
            return system.write(tx -> walk(system, tx, due, now));
        } catch (RuntimeException pageFailed) {
            int moved = 0;
            for (Enrollment e : due) {
                try {
                    moved += system.write(tx -> stillDue(tx, e, now).map(current -> walk(system, tx,
                            List.of(current), now)).orElse(0));
                } catch (ConcurrentUpdateException taken) {
                    // another node moved it first
                } catch (ValidationException refused) {
                    // One broken step (its template needs a value the lead lacks) must not hold up everyone else's:
                    // it stays due, and is logged at every run until someone fixes the template or removes the person.
                    LOG.warn("nurture enrollment {} of sequence {}: step '{}' was refused and stays due: {}", e.id(),
                            e.sequence(), e.step(), refused.getMessage());
                }
            }
            return moved;
        }
    }

    /** The enrollment as stored if its step is still due; empty when another node moved it meanwhile. */
    private static Optional<Enrollment> stillDue(NurtureTx tx, Enrollment read, Instant now) {
        Enrollment e = tx.enrollments().current(read);
        Instant due = e.dueAt();
        return e.status() == EnrollmentStatus.ACTIVE && due != null && !due.isAfter(now) ? Optional.of(e)
                : Optional.empty();
    }

    /**
     * Walks each enrollment up to its next wait or end, reading their leads, sequences and recipients once for all
     * and queueing their emails together; saves them versioned, so a copy another node moved since it was read fails
     * the write. Returns how many moved.
     */
    private int walk(CrmContext<? extends NurtureTx> system, NurtureTx tx, List<Enrollment> enrollments,
                     Instant now) {
        Map<LeadId, Lead> leads = tx.leads().findAll(enrollments.stream().map(Enrollment::lead).toList());
        Map<EmailAddress, EmailRecipient> recipients = tx.emailRecipients().findByEmails(leads.values().stream()
                .map(l -> l.reach().email()).filter(Objects::nonNull).toList());
        Map<SequenceId, SequenceDefinition> sequences = new HashMap<>();
        List<Walk> walks = new ArrayList<>();
        List<Walk> emailing = new ArrayList<>();
        List<EmailRequest> emails = new ArrayList<>();
        for (Enrollment e : enrollments) {
            Lead lead = leads.containsKey(e.lead()) ? leads.get(e.lead()) : tx.leads().get(e.lead());
            Walk w = new Walk(system, tx, e, lead,
                    lead.reach().email() == null ? null : recipients.get(lead.reach().email()),
                    sequences.computeIfAbsent(e.sequence(), id -> tx.nurtureSequences().get(id).definition()), now);
            walks.add(w);
            EmailRequest email = w.start();
            if (email != null) {
                emailing.add(w);
                emails.add(email);
            }
        }
        if (!emails.isEmpty()) {
            List<SendResult> results = new EmailService(system).queueMarketing(emails);
            for (int i = 0; i < emailing.size(); i++) {
                emailing.get(i).sent(results.get(i));
            }
        }
        tx.enrollments().saveAll(walks.stream().map(w -> w.stopped).toList());
        return walks.size();
    }

    /**
     * One enrollment's walk through its steps in a run, up to the next wait or its end. It stops at an email step for
     * the email to be queued with the others, then goes on; a second email step waits, due, for the next run, so the
     * weekly cap counts the first.
     */
    private final class Walk {
        private final CrmContext<? extends NurtureTx> system;
        private final NurtureTx tx;
        private final Lead lead;
        private final @Nullable EmailRecipient recipient;
        private final SequenceDefinition def;
        private final Instant now;
        private Enrollment e;
        private SequenceStep.@Nullable SendEmail sending;
        private boolean emailed;
        /** The enrollment to save, once the walk stopped. */
        private @Nullable Enrollment stopped;

        Walk(CrmContext<? extends NurtureTx> system, NurtureTx tx, Enrollment e, Lead lead,
             @Nullable EmailRecipient recipient,
             SequenceDefinition def, Instant now) {
            this.system = system;
            this.tx = tx;
            this.e = e;
            this.lead = lead;
            this.recipient = recipient;
            this.def = def;
            this.now = now;
        }

        /** Leaves when the lead must, else walks: the email to queue, or null when the walk stopped. */
        @Nullable EmailRequest start() {
            ExitReason gone = exitReason(lead, recipient);
            if (gone != null) {
                stopped = e.exit(gone, now);
                return null;
            }
            return walk();
        }

        /** Goes on after the queued email's outcome. */
        void sent(SendResult result) {
            switch (result.outcome()) {
                case SENT, QUEUED, DEFERRED -> {
                    e = e.moveOn(Objects.requireNonNull(sending, "the email sent").next(), now, result.email(), now);
                    if (walk() != null) {
                        throw new IllegalStateException("a walk queues one email per run");
                    }
                }
                case FREQUENCY_CAPPED -> stopped = e.retryAt(now.plus(CAPPED_RETRY), now);
                case NO_CONSENT -> stopped = e.exit(ExitReason.NO_CONSENT, now);
                case SUPPRESSED -> stopped = e.exit(Optional.ofNullable(suppression(recipient))
                        .orElse(ExitReason.UNSUBSCRIBED), now);
            }
        }

        private @Nullable EmailRequest walk() {
            // No cycles: a walk visits each step at most once.
            for (int i = 0; i <= def.steps().size(); i++) {
                String at = e.step();
                SequenceStep step = def.step(at).orElseThrow(() -> new IllegalStateException("no step " + at));
                if (step instanceof SequenceStep.End) {
                    stopped = e.complete(now);
                    return null;
                }
                if (step instanceof SequenceStep.Wait w) {
                    stopped = e.moveOn(w.next(), until(w, recipient, now), null, now);
                    return null;
                }
                if (step instanceof SequenceStep.Branch b) {
                    e = e.moveOn(holds(tx, e, lead, b.when()) ? b.then() : b.otherwise(), now, null, now);
                } else if (step instanceof SequenceStep.CreateTask t) {
                    if (lead.owner() != null) {
                        new TaskService(system).create(NewTask.of(t.title()).about(Subject.of(lead.id()))
                                .assignTo(lead.owner()).dueAt(now.plus(Duration.ofDays(t.dueInDays()))));
                    }
                    e = e.moveOn(t.next(), now, null, now);
                } else {
                    SequenceStep.SendEmail send = (SequenceStep.SendEmail) step;
                    if (lead.reach().email() == null) {
                        stopped = e.exit(ExitReason.NO_CONSENT, now);
                        return null;
                    }
                    if (emailed) {
                        stopped = e.retryAt(now, now);
                        return null;
                    }
                    emailed = true;
                    sending = send;
                    return EmailRequest.of(send.template(), lead.reach().email().value()).lead(lead.id())
                            .values(Map.of("firstName", text(lead.identity().firstName()),
                                    "lastName", text(lead.identity().lastName()),
                                    "company", text(lead.identity().company())));
                }
            }
            throw new IllegalStateException("sequence " + e.sequence() + " did not reach a wait or an end");
        }
    }

    /** Why the lead must leave before its next step, or null. */
    private static @Nullable ExitReason exitReason(Lead lead, @Nullable EmailRecipient recipient) {
        return switch (lead.status()) {
            case CONVERTED -> ExitReason.CONVERTED;
            case UNQUALIFIED -> ExitReason.DISQUALIFIED;
            case MERGED -> ExitReason.MERGED;
            default -> suppression(recipient);
        };
    }

    /** Why a suppressed address leaves: a bounce, else an unsubscribe or complaint; null when not suppressed. */
    private static @Nullable ExitReason suppression(@Nullable EmailRecipient recipient) {
        if (recipient == null || recipient.suppressed() == null) {
            return null;
        }
        return recipient.suppressed() == SuppressionReason.BOUNCED ? ExitReason.BOUNCED : ExitReason.UNSUBSCRIBED;
    }

    private boolean holds(NurtureTx tx, Enrollment e, Lead lead, Engagement when) {
        if (when instanceof Engagement.ScoreAbove s) {
            return lead.score() > s.score();
        }
        List<Touchpoint> touchpoints = tx.touchpoints().findByLead(lead.id());
        if (when instanceof Engagement.Clicked c) {
            SentEmailId email = e.sent().get(c.step());
            return email != null && clicked(touchpoints, email);
        }
        return touchpoints.stream().anyMatch(t -> VISITS.contains(t.kind())
                && !t.occurredAt().isBefore(e.enrolledAt()));
    }

    /** Whether a click on {@code email} was recorded: {@code EmailService.recordClick} names the email it was on. */
    private static boolean clicked(List<Touchpoint> touchpoints, SentEmailId email) {
        String prefix = EmailService.clickEventPrefix(email);
        return touchpoints.stream().anyMatch(t -> t.kind() == TouchpointKind.EMAIL_CLICK
                && t.externalEventId() != null && t.externalEventId().startsWith(prefix));
    }

    /** When a wait ends: after its duration, or at its next weekday and time in the lead's time zone. */
    private Instant until(SequenceStep.Wait w, @Nullable EmailRecipient recipient, Instant now) {
        if (w.duration() != null) {
            return now.plus(w.duration());
        }
        EmailSettings email = ctx.setting(EmailSettings.class, () -> null);
        ZoneId zone = recipient != null && recipient.zone() != null ? recipient.zone()
                : email == null ? ZoneOffset.UTC : email.defaultZone();
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime next = local.with(TemporalAdjusters.nextOrSame(w.weekday())).with(w.at());
        if (!next.isAfter(local)) {
            next = local.with(TemporalAdjusters.next(w.weekday())).with(w.at());
        }
        return next.toInstant();
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private void requireReader() {
        if (!ctx.actor().hasRole(Actor.ADMIN)) {
            ctx.actor().require(Actor.MANAGER, "work with nurture sequences");
        }
    }
}
