package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.email.EmailSendException;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.NewEmailTemplate;
import dev.crmkit.core.email.RecordingEmailSender;
import dev.crmkit.core.email.SentEmailId;
import dev.crmkit.core.email.SentEmailStatus;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.nurture.Enrollment;
import dev.crmkit.core.nurture.EnrollmentId;
import dev.crmkit.core.nurture.EnrollmentStatus;
import dev.crmkit.core.nurture.ExitReason;
import dev.crmkit.core.nurture.SequenceId;
import dev.crmkit.core.nurture.StepStats;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nurture sequences through the public API: leads walk emails, waits, engagement branches and tasks on the test's
 * clock, run by {@code runDue}; they leave when they convert, reply, unsubscribe or have no consent; one open
 * enrollment per person; two nodes never send a step twice; per-step statistics; bad sequences stored never.
 */
public abstract class NurtureContract extends ContractSupport {
    private static final EmailSettings SETTINGS = EmailSettings.of("hello@shop.example",
            "a-signing-key-of-the-host-0123456789", "https://shop.example/email");

    private final RecordingEmailSender sender = new RecordingEmailSender();
    private Crm mail;
    private EmailTemplateId welcome;
    private EmailTemplateId nudge;

    @BeforeEach
    void setUpTemplates() {
        mail = crmWith(SETTINGS, sender);
        welcome = mail.email().createTemplate(NewEmailTemplate.marketing("Welcome", "Welcome, {{firstName}}",
                "<p>Hi {{firstName}}</p><a href=\"{{unsubscribeUrl}}\">stop</a>"));
        nudge = mail.email().createTemplate(NewEmailTemplate.marketing("Nudge", "Still there, {{firstName}}?",
                "<p>Hi again</p><a href=\"{{unsubscribeUrl}}\">stop</a>"));
    }

    private String series() {
        return """
                {"name": "welcome series", "steps": [
                  {"id": "welcome", "type": "email", "template": "%s", "next": "wait"},
                  {"id": "wait", "type": "wait", "duration": "P2D", "next": "engaged?"},
                  {"id": "engaged?", "type": "branch", "when": {"clicked": "welcome"}, "then": "call", "else": "nudge"},
                  {"id": "call", "type": "task", "title": "Call them", "dueInDays": 1, "next": "end"},
                  {"id": "nudge", "type": "email", "template": "%s", "next": "end"},
                  {"id": "end", "type": "end"}]}""".formatted(welcome, nudge);
    }

    private LeadId subscribedLead(String first, String email) {
        mail.email().grantConsent(email, LawfulBasis.CONSENT, "signup form");
        return mail.leads().capture(NewLead.of(first, "Lovelace", email));
    }

    @Test
    void leadsWalkTheStepsAndBranchOnWhetherTheyClicked() {
        SequenceId sequence = mail.sequences().create(series());
        LeadId ada = subscribedLead("Ada", "ada@example.com");
        LeadId bob = subscribedLead("Bob", "bob@example.com");
        EnrollmentId adaIn = mail.sequences().enroll(sequence, ada);
        EnrollmentId bobIn = mail.sequences().enroll(sequence, bob);

        assertThat(mail.automation().runDue()).isEqualTo(2);
        assertThat(sender.sentTo("ada@example.com")).singleElement().extracting(m -> m.subject())
                .isEqualTo("Welcome, Ada");
        Enrollment waiting = mail.sequences().enrollment(adaIn);
        assertThat(waiting.step()).isEqualTo("engaged?");
        assertThat(waiting.dueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));

        clock.advance(Duration.ofDays(1));
        assertThat(mail.automation().runDue()).isZero();
        mail.email().recordClick(waiting.sent().get("welcome"), "https://shop.example/offer");
        clock.advance(Duration.ofDays(1));
        assertThat(mail.automation().runDue()).isEqualTo(2);

        assertThat(mail.tasks().ofSubject(Subject.of(ada))).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Call them");
            assertThat(t.assignee()).isEqualTo(actor.user());
        });
        assertThat(sender.sentTo("ada@example.com")).hasSize(1);
        assertThat(mail.tasks().ofSubject(Subject.of(bob))).isEmpty();
        assertThat(sender.sentTo("bob@example.com")).extracting(m -> m.subject())
                .containsExactly("Welcome, Bob", "Still there, Bob?");
        assertThat(List.of(mail.sequences().enrollment(adaIn), mail.sequences().enrollment(bobIn)))
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(EnrollmentStatus.COMPLETED));
        assertThat(mail.sequences().enrollment(adaIn).path()).containsExactly("welcome", "wait", "engaged?", "call",
                "end");

        assertThat(mail.sequences().stats(sequence)).containsExactly(
                new StepStats("welcome", 2, 2, 1, 0),
                new StepStats("wait", 2, 0, 0, 0),
                new StepStats("engaged?", 2, 0, 0, 0),
                new StepStats("call", 1, 0, 0, 0),
                new StepStats("nudge", 1, 1, 0, 0),
                new StepStats("end", 2, 0, 0, 0));
    }

    @Test
    void peopleLeaveWhenTheyConvertReplyUnsubscribeOrNeverConsented() {
        SequenceId sequence = mail.sequences().create(series());
        LeadId converts = subscribedLead("Ada", "ada@example.com");
        LeadId replies = subscribedLead("Bob", "bob@example.com");
        LeadId unsubscribes = subscribedLead("Cy", "cy@example.com");
        LeadId neverAsked = mail.leads().capture(NewLead.of("Di", "Lovelace", "di@example.com"));
        List<EnrollmentId> in = new ArrayList<>();
        for (LeadId lead : List.of(converts, replies, unsubscribes, neverAsked)) {
            in.add(mail.sequences().enroll(sequence, lead));
        }
        mail.automation().runDue();
        assertThat(mail.sequences().enrollment(in.get(3)).exitReason()).isEqualTo(ExitReason.NO_CONSENT);

        mail.leads().qualify(mail.leads().get(converts));
        mail.leads().convert(mail.leads().get(converts), ConvertLead.automatically());
        assertThat(mail.sequences().recordReply(replies)).isEqualTo(1);
        mail.email().withdrawConsent("cy@example.com", "preference centre");
        clock.advance(Duration.ofDays(2));
        mail.automation().runDue();

        assertThat(in.subList(0, 3)).extracting(id -> mail.sequences().enrollment(id).exitReason())
                .containsExactly(ExitReason.CONVERTED, ExitReason.REPLIED, ExitReason.UNSUBSCRIBED);
        assertThat(sender.sent()).as("only the welcome emails, before anyone left").hasSize(3);
        assertThat(mail.sequences().stats(sequence).get(0).converted()).isEqualTo(1);
    }

    @Test
    void aLeadThatConvertsIsDisqualifiedOrMergedAwayLeavesAtOnce() {
        SequenceId sequence = mail.sequences().create(series());
        LeadId converts = subscribedLead("Ada", "ada@example.com");
        LeadId disqualified = subscribedLead("Bob", "bob@example.com");
        LeadId survivor = subscribedLead("Cy", "cy@example.com");
        LeadId mergedAway = subscribedLead("Cyrus", "cyrus@example.com");
        LeadId stays = subscribedLead("Di", "di@example.com");
        List<EnrollmentId> in = new ArrayList<>();
        for (LeadId lead : List.of(converts, disqualified, mergedAway, stays)) {
            in.add(mail.sequences().enroll(sequence, lead));
        }

        mail.leads().qualify(mail.leads().get(converts));
        mail.leads().convert(mail.leads().get(converts), ConvertLead.automatically());
        mail.leads().disqualify(mail.leads().get(disqualified), "no budget");
        mail.leads().merge(mail.leads().get(survivor), mail.leads().get(mergedAway));

        assertThat(in).extracting(id -> mail.sequences().enrollment(id).exitReason()).as("before any step ran")
                .containsExactly(ExitReason.CONVERTED, ExitReason.DISQUALIFIED, ExitReason.MERGED, null);
        assertThat(mail.automation().runDue()).isEqualTo(1);
        assertThat(sender.sent()).extracting(m -> m.to().value()).containsExactly("di@example.com");
    }

    @Test
    void aPersonIsInASequenceOnceAtATimeAndPausingHoldsTheirSteps() {
        SequenceId sequence = mail.sequences().create(series());
        LeadId ada = subscribedLead("Ada", "ada@example.com");
        EnrollmentId first = mail.sequences().enroll(sequence, ada);
        assertThat(mail.sequences().enroll(sequence, ada)).isEqualTo(first);

        Enrollment paused = mail.sequences().pause(mail.sequences().enrollment(first));
        assertThat(mail.automation().runDue()).isZero();
        assertThat(sender.sent()).isEmpty();
        assertThatThrownBy(() -> mail.sequences().pause(paused)).isInstanceOf(IllegalTransitionException.class);
        mail.sequences().resume(paused);
        assertThat(mail.automation().runDue()).isEqualTo(1);
        assertThat(sender.sentTo("ada@example.com")).hasSize(1);

        mail.sequences().remove(mail.sequences().enrollment(first));
        EnrollmentId again = mail.sequences().enroll(sequence, ada);
        assertThat(again).isNotEqualTo(first);
        assertThat(mail.sequences().enrollmentsOf(ada)).extracting(Enrollment::id).containsExactly(first, again);
    }

    @Test
    void twoNodesRunningDueStepsAtOnceSendEachEmailOnce() throws Exception {
        SequenceId sequence = mail.sequences().create(series());
        List<LeadId> leads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LeadId lead = subscribedLead("P" + i, "p" + i + "@example.com");
            mail.sequences().enroll(sequence, lead);
            leads.add(lead);
        }
        Crm other = crmWith(SETTINGS, sender);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Future<Integer> a = pool.submit(() -> {
                start.await();
                return mail.automation().runDue();
            });
            Future<Integer> b = pool.submit(() -> {
                start.await();
                return other.automation().runDue();
            });
            assertThat(a.get() + b.get()).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 20; i++) {
            assertThat(sender.sentTo("p" + i + "@example.com")).as("emails to p%d", i).hasSize(1);
        }
    }

    @Test
    void anEmailTheSenderCouldNotTakeGoesOutOnceWithTheNextRunAndOneItRefusesForGoodIsCancelled() {
        SequenceId sequence = mail.sequences().create(series());
        EnrollmentId adaIn = mail.sequences().enroll(sequence, subscribedLead("Ada", "ada@example.com"));
        sender.failWith(new EmailSendException("mail server busy", false));

        assertThat(mail.automation().runDue()).isEqualTo(1);
        assertThat(sender.sent()).isEmpty();
        Enrollment moved = mail.sequences().enrollment(adaIn);
        assertThat(moved.step()).as("the step moved on; its email waits for the sender").isEqualTo("engaged?");
        SentEmailId welcomeEmail = moved.sent().get("welcome");
        assertThat(mail.email().sentEmail(welcomeEmail).status()).isEqualTo(SentEmailStatus.DEFERRED);

        sender.failWith(null);
        assertThat(mail.automation().runDue()).isZero();
        mail.automation().runDue();
        assertThat(sender.sentTo("ada@example.com")).singleElement().extracting(m -> m.subject())
                .isEqualTo("Welcome, Ada");
        assertThat(mail.email().sentEmail(welcomeEmail).status()).isEqualTo(SentEmailStatus.SENT);
        assertThat(mail.sequences().stats(sequence).get(0).sent()).isEqualTo(1);

        EnrollmentId bobIn = mail.sequences().enroll(sequence, subscribedLead("Bob", "bob@example.com"));
        sender.failWith(new EmailSendException("no such mailbox", true));
        mail.automation().runDue();
        sender.failWith(null);
        mail.automation().runDue();
        SentEmailId bobsEmail = mail.sequences().enrollment(bobIn).sent().get("welcome");
        assertThat(mail.email().sentEmail(bobsEmail).status()).isEqualTo(SentEmailStatus.CANCELLED);
        assertThat(mail.email().sentEmail(bobsEmail).reason()).contains("no such mailbox");
        assertThat(sender.sentTo("bob@example.com")).isEmpty();
    }

    @Test
    void aRefusedStepHoldsUpOnlyItselfAndTheOtherEmailsOfItsRunGoOutOnce() {
        EmailTemplateId coupon = mail.email().createTemplate(NewEmailTemplate.marketing("Coupon", "Your coupon",
                "<p>{{coupon}}</p><a href=\"{{unsubscribeUrl}}\">stop</a>").fields(Set.of("coupon")));
        SequenceId broken = mail.sequences().create("""
                {"name": "coupon", "steps": [
                  {"id": "coupon", "type": "email", "template": "%s", "next": "end"},
                  {"id": "end", "type": "end"}]}""".formatted(coupon));
        SequenceId sequence = mail.sequences().create(series());
        mail.sequences().enroll(sequence, subscribedLead("Ada", "ada@example.com"));
        clock.advance(Duration.ofSeconds(1));
        EnrollmentId stuck = mail.sequences().enroll(broken, subscribedLead("Bob", "bob@example.com"));
        clock.advance(Duration.ofSeconds(1));
        mail.sequences().enroll(sequence, subscribedLead("Cy", "cy@example.com"));

        assertThat(mail.automation().runDue()).isEqualTo(2);
        assertThat(mail.automation().runDue()).isZero();
        assertThat(sender.sentTo("ada@example.com")).hasSize(1);
        assertThat(sender.sentTo("cy@example.com")).hasSize(1);
        assertThat(sender.sentTo("bob@example.com")).isEmpty();
        assertThat(mail.sequences().enrollment(stuck).step()).as("still due at the refused step").isEqualTo("coupon");
    }

    @Test
    void aLeadDueInTwoSequencesAtOnceGetsNoMoreThanTheWeeklyCap() {
        Crm capped = crmWith(SETTINGS.weeklyCap(1), sender);
        LeadId ada = subscribedLead("Ada", "ada@example.com");
        EnrollmentId first = capped.sequences().enroll(capped.sequences().create(series()), ada);
        EnrollmentId second = capped.sequences().enroll(capped.sequences().create(series()), ada);

        assertThat(capped.automation().runDue()).isEqualTo(2);
        assertThat(sender.sentTo("ada@example.com")).hasSize(1);
        assertThat(List.of(capped.sequences().enrollment(first), capped.sequences().enrollment(second)))
                .extracting(Enrollment::step).containsExactlyInAnyOrder("engaged?", "welcome");
    }

    @Test
    void aRuleEnrollsNewLeadsAndAWeekdayWaitEndsAtThatTimeInTheRecipientsZone() {
        SequenceId sequence = mail.sequences().create("""
                {"name": "Wednesday follow-up", "steps": [
                  {"id": "until Wednesday", "type": "wait", "weekday": "WEDNESDAY", "at": "10:30", "next": "call"},
                  {"id": "call", "type": "task", "title": "Call", "next": "end"},
                  {"id": "end", "type": "end"}]}""");
        mail.automation().create("""
                {"name": "nurture new leads", "event": "LeadCaptured",
                 "actions": [{"type": "enroll", "sequence": "%s"}]}""".formatted(sequence));
        LeadId ada = mail.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").owner(UserId.of("rep-2")));
        mail.events().dispatchDue();
        assertThat(mail.sequences().enrollmentsOf(ada)).singleElement().extracting(Enrollment::status)
                .isEqualTo(EnrollmentStatus.ACTIVE);

        mail.automation().runDue();
        Enrollment waiting = mail.sequences().enrollmentsOf(ada).get(0);
        // START is Monday 2026-01-05 09:00 UTC; the recipient gave no zone, the settings' default is UTC.
        assertThat(waiting.dueAt()).isEqualTo(Instant.parse("2026-01-07T10:30:00Z"));
        clock.set(Instant.parse("2026-01-07T10:30:00Z"));
        mail.automation().runDue();
        assertThat(mail.tasks().ofSubject(Subject.of(ada))).singleElement().extracting(Task::assignee)
                .isEqualTo(UserId.of("rep-2"));
    }

    @Test
    void aBadSequenceIsRefusedByPathAndNothingIsStored() {
        assertThatThrownBy(() -> mail.sequences().create("""
                {"name": "loop", "steps": [
                  {"id": "a", "type": "wait", "duration": "P1D", "next": "b"},
                  {"id": "b", "type": "wait", "duration": "P1D", "next": "a"}]}"""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .anySatisfy(f -> assertThat(f.reason()).contains("cycle")));
        assertThatThrownBy(() -> mail.sequences().create("""
                {"name": "bad", "steps": [
                  {"id": "a", "type": "wait", "duration": "P1D", "next": "nowhere"},
                  {"id": "b", "type": "end"},
                  {"id": "c", "type": "branch", "when": {"clicked": "a"}, "then": "b", "else": "b"}]}"""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).contains("steps[0].next", "steps[2].when.clicked"));
        assertThatThrownBy(() -> mail.sequences().create("""
                {"name": "orphan", "steps": [
                  {"id": "a", "type": "end"},
                  {"id": "b", "type": "end"}]}"""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("steps[1]"));
        assertThatThrownBy(() -> mail.sequences().create("""
                {"name": "unknown template", "steps": [
                  {"id": "a", "type": "email", "template": "%s", "next": "b"},
                  {"id": "b", "type": "end"}]}""".formatted(UUID.randomUUID())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("steps[0].template"));
        assertThat(mail.sequences().list()).isEmpty();
    }
}
