package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import dev.crmkit.core.Crm;
import dev.crmkit.core.automation.AutomationRule;
import dev.crmkit.core.automation.AutomationSettings;
import dev.crmkit.core.automation.AutomationSubscriber;
import dev.crmkit.core.automation.RuleAction;
import dev.crmkit.core.automation.RuleDefinition;
import dev.crmkit.core.automation.RuleId;
import dev.crmkit.core.automation.RuleRun;
import dev.crmkit.core.automation.RunOutcome;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.NewEmailTemplate;
import dev.crmkit.core.email.RecordingEmailSender;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CasePriority;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.task.AlertSubscriber;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Notifier;
import dev.crmkit.core.task.RecordingNotifier;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.tracking.TrackedActivity;
import dev.crmkit.core.webhook.NewWebhook;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Workflow rules through the public API: rules run off delivered events only, once per trigger even with two nodes
 * dispatching at once, each run logged; criteria checked by the storage; chains bounded; delayed rules run from
 * {@code runDue} exactly once and are cancelled by the events they name; bad rules stored never.
 */
public abstract class AutomationContract extends ContractSupport {
    private static final String CALL_NEW_LEADS = """
            {"name": "call new leads", "event": "LeadCaptured",
             "criteria": {"type": "condition", "field": "country", "op": "EQ", "values": ["NZ"]},
             "actions": [{"type": "createTask", "title": "Call", "assignee": {"user": "rep-2"}, "dueInDays": 2}]}""";

    private LeadId capture(String email, String country) {
        NewLead lead = NewLead.of("Ada", "Lovelace", email);
        if (country != null) {
            lead = lead.address(Address.of("Wellington", null, country));
        }
        return crm.leads().capture(lead);
    }

    private List<Task> tasksOf(LeadId lead) {
        return crm.tasks().ofSubject(Subject.of(lead));
    }

    private List<RuleRun> runs(RuleId rule) {
        return crm.automation().runs(rule, PageRequest.first(100)).items();
    }

    @Test
    void aCapturedLeadMatchingARuleGetsItsTaskOnceTheEventIsDelivered() {
        RuleId rule = crm.automation().create(CALL_NEW_LEADS);
        LeadId lead = capture("ada@example.com", "NZ");
        assertThat(tasksOf(lead)).as("rules run after delivery, not inside the write").isEmpty();

        crm.events().dispatchDue();

        assertThat(tasksOf(lead)).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Call");
            assertThat(t.assignee()).isEqualTo(UserId.of("rep-2"));
            assertThat(t.due()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));
        });
        assertThat(runs(rule)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunOutcome.DONE);
            assertThat(r.eventType()).isEqualTo("LeadCaptured");
            assertThat(r.recordType()).isEqualTo("Lead");
            assertThat(r.recordId()).isEqualTo(lead.value().toString());
            assertThat(r.depth()).isZero();
            assertThat(r.actions()).singleElement().asString().startsWith("createTask");
        });
        assertThat(crm.automation().runsOn(lead, PageRequest.first(10)).items()).isEqualTo(runs(rule));
    }

    @Test
    void aLeadTheCriteriaDoNotCoverRunsNothing() {
        RuleId rule = crm.automation().create(CALL_NEW_LEADS);
        LeadId elsewhere = capture("bob@example.com", "AU");
        LeadId nowhere = capture("eve@example.com", null);
        crm.events().dispatchDue();
        assertThat(tasksOf(elsewhere)).isEmpty();
        assertThat(tasksOf(nowhere)).isEmpty();
        assertThat(runs(rule)).isEmpty();
    }

    @Test
    void criteriaApplyToContactAndAccountEventsToo() {
        RuleId rule = crm.automation().create("""
                {"name": "new NZ contacts", "event": "ContactSaved",
                 "criteria": {"type": "condition", "field": "country", "op": "EQ", "values": ["NZ"]},
                 "actions": [{"type": "createTask", "title": "Welcome call", "assignee": "owner"}]}""");
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        ContactId kiwi = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", null)
                .withAddress(Address.of("Wellington", null, "NZ")));
        ContactId aussie = crm.contacts().create(ContactDetails.of(acme, "Bob", "Smith", null)
                .withAddress(Address.of("Sydney", null, "AU")));
        crm.events().dispatchDue();
        assertThat(crm.tasks().ofSubject(Subject.of(kiwi))).singleElement()
                .extracting(Task::assignee).isEqualTo(actor.user());
        assertThat(crm.tasks().ofSubject(Subject.of(aussie))).isEmpty();
        assertThat(runs(rule)).singleElement().extracting(RuleRun::recordType).isEqualTo("Contact");
    }

    @Test
    void aWelcomeEmailGoesOnlyToLeadsWhoConsentedAndEachOnce() {
        RecordingEmailSender sender = new RecordingEmailSender();
        Crm mail = crmWith(EmailSettings.of("hello@shop.example", "a-signing-key-of-the-host-0123456789",
                "https://shop.example/email"), sender);
        EmailTemplateId welcome = mail.email().createTemplate(NewEmailTemplate.marketing("Welcome",
                "Welcome, {{firstName}}", "<p>Hi {{firstName}} of {{company}}</p><a href=\"{{unsubscribeUrl}}\">stop</a>"));
        RuleId rule = mail.automation().create("""
                {"name": "welcome", "event": "LeadCaptured",
                 "actions": [{"type": "sendEmail", "template": "%s"}]}""".formatted(welcome));
        mail.email().grantConsent("ada@example.com", LawfulBasis.CONSENT, "signup form");
        LeadId ada = mail.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").company("Acme"));
        LeadId bob = mail.leads().capture(NewLead.of("Bob", "Smith", "bob@example.com"));

        mail.events().dispatchDue();
        Crm otherNode = crmWith(EmailSettings.of("hello@shop.example", "a-signing-key-of-the-host-0123456789",
                "https://shop.example/email"), sender);
        otherNode.events().dispatchDue();

        assertThat(sender.sentTo("ada@example.com")).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Welcome, Ada");
            assertThat(m.html()).contains("Hi Ada of Acme");
        });
        assertThat(sender.sentTo("bob@example.com")).as("no consent, no marketing email").isEmpty();
        assertThat(runs(rule)).extracting(RuleRun::recordId, r -> r.actions().get(0).split(" ")[1])
                .containsExactlyInAnyOrder(tuple(ada.value().toString(), "SENT"),
                        tuple(bob.value().toString(), "NO_CONSENT"));
    }

    @Test
    void aRuleNamingAnEmailTemplateTheTenantDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> crm.automation().create("""
                {"name": "welcome", "event": "LeadCaptured",
                 "actions": [{"type": "addTag", "tag": "x"},
                             {"type": "sendEmail", "template": "%s"}]}""".formatted(UUID.randomUUID())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .anySatisfy(f -> assertThat(f.field()).isEqualTo("actions[1].template")));
        assertThat(crm.automation().list()).isEmpty();
    }

    @Test
    void rulesSetALeadsStatusACasesPriorityAndOwnerAndAnOpportunitysStage() {
        RuleId qualify = crm.automation().create("""
                {"name": "NZ leads are qualified", "event": "LeadCaptured",
                 "criteria": {"type": "condition", "field": "country", "op": "EQ", "values": ["NZ"]},
                 "actions": [{"type": "setStatus", "status": "QUALIFIED"}]}""");
        crm.automation().create("""
                {"name": "cases go to support", "event": "CaseOpened",
                 "actions": [{"type": "setPriority", "priority": "URGENT"},
                             {"type": "assignOwner", "assignee": {"user": "agent-7"}}]}""");
        crm.automation().create("""
                {"name": "big deals negotiate", "event": "OpportunitySaved",
                 "actions": [{"type": "setStage", "stage": "Negotiation"}]}""");
        LeadId kiwi = capture("ada@example.com", "NZ");
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        ContactId ada = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", "ada@acme.example"));
        Case opened = crm.cases().open(NewCase.from(ada, Channel.PHONE, "Mill jams"));
        OpportunityId deal = crm.opportunities().create(NewOpportunity.of(acme, "Engines",
                Money.of("1000.00", "EUR"), LocalDate.of(2026, 3, 31)));

        crm.events().dispatchDue();

        assertThat(crm.leads().get(kiwi).status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(runs(qualify)).singleElement().extracting(r -> r.actions().get(0))
                .isEqualTo("setStatus QUALIFIED");
        Case now = crm.cases().get(opened.id());
        assertThat(now.triage().priority()).isEqualTo(CasePriority.URGENT);
        assertThat(now.owner()).isEqualTo(UserId.of("agent-7"));
        assertThat(crm.opportunities().get(deal).stage()).isEqualTo("Negotiation");
    }

    @Test
    void anActionOnAKindOfRecordTheEventIsNotAboutIsRefusedByPath() {
        assertThatThrownBy(() -> crm.automation().create("""
                {"name": "bad", "event": "TaskCreated",
                 "actions": [{"type": "alert", "message": "ok"}, {"type": "setStatus", "status": "QUALIFIED"}]}"""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("actions[1]"));
        assertThatThrownBy(() -> crm.automation().create("""
                {"name": "bad", "event": "LeadCaptured",
                 "actions": [{"type": "setStatus", "status": "CONVERTED"}, {"type": "setPriority", "priority": "HOT"}]}"""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("actions[0].status", "actions[1].priority"));
    }

    @Test
    void aWebhookEndpointSubscribedToAlertsReceivesARulesAlert() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> bodies = new CopyOnWriteArrayList<>();
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            crm.webhooks().register(NewWebhook.of("http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                    "a-webhook-secret-of-32-bytes-0123456789").eventTypes(Set.of("AlertRaised")));
            crm.automation().create("""
                    {"name": "hot lead", "event": "LeadCaptured", "actions": [{"type": "alert", "message": "call"}]}""");
            capture("ada@example.com", null);
            crm.events().dispatchDue();
            crm.events().dispatchDue();
            assertThat(bodies).singleElement().asString().contains("\"type\":\"AlertRaised\"")
                    .contains("\"message\":\"call\"");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRuleOnRecordedTouchpointsRunsForEachLeadTheyAreLinkedTo() {
        RuleId engaged = crm.automation().create("""
                {"name": "clicked", "event": "TouchpointsRecorded",
                 "actions": [{"type": "addTag", "tag": "engaged"}]}""");
        LeadId ada = capture("ada@example.com", null);
        LeadId bob = capture("bob@example.com", null);
        LeadId quiet = capture("cy@example.com", null);
        crm.tracking().recordAll(List.of(
                new TrackedActivity.EmailClick("click-1", clock.instant(), ada, null, null, null, "https://a.example"),
                new TrackedActivity.EmailClick("click-2", clock.instant(), bob, null, null, null, "https://a.example"),
                new TrackedActivity.EmailClick("click-3", clock.instant(), ada, null, null, null, "https://b.example")));
        crm.events().dispatchDue();
        assertThat(crm.leads().get(ada).tags()).containsExactly("engaged");
        assertThat(crm.leads().get(bob).tags()).containsExactly("engaged");
        assertThat(crm.leads().get(quiet).tags()).isEmpty();
        assertThat(runs(engaged)).extracting(RuleRun::recordId)
                .containsExactlyInAnyOrder(ada.value().toString(), bob.value().toString());
    }

    @Test
    void aTaskThatFallsOverdueRunsRulesOnTaskOverdueOncePerDueTime() {
        RuleId escalate = crm.automation().create("""
                {"name": "overdue tasks", "event": "TaskOverdue",
                 "actions": [{"type": "alert", "message": "a task is overdue"},
                             {"type": "createTask", "title": "Check on it", "assignee": {"user": "manager"},
                              "dueInDays": 1}]}""");
        TaskId late = crm.tasks().create(NewTask.of("Call Ada").dueAt(clock.instant().plus(Duration.ofHours(1))));
        TaskId done = crm.tasks().create(NewTask.of("Call Bob").dueAt(clock.instant().plus(Duration.ofHours(1))));
        crm.tasks().complete(crm.tasks().get(done));
        crm.events().dispatchDue();
        crm.automation().runDue();
        crm.events().dispatchDue();
        assertThat(runs(escalate)).isEmpty();

        clock.advance(Duration.ofHours(2));
        crm.automation().runDue();
        crm.automation().runDue();
        crm.events().dispatchDue();
        assertThat(runs(escalate)).singleElement().satisfies(r -> {
            assertThat(r.recordType()).isEqualTo("Task");
            assertThat(r.recordId()).isEqualTo(late.value().toString());
        });

        crm.tasks().reschedule(crm.tasks().get(late), clock.instant().plus(Duration.ofHours(1)));
        clock.advance(Duration.ofHours(2));
        crm.automation().runDue();
        crm.events().dispatchDue();
        assertThat(runs(escalate)).as("announced again for the new due time").hasSize(2);
    }

    @Test
    void recordsEnteringAWatchedSegmentRunItsRulesOnceAndThoseAlreadyInItDoNot() {
        LeadId already = capture("a@example.com", "NZ");
        SegmentId kiwis = crm.segments().create("Kiwis", SegmentTarget.LEAD, Criteria.field("country").eq("NZ"));
        RuleId rule = crm.automation().create("""
                {"name": "welcome kiwis", "event": "SegmentEntered", "segment": "%s",
                 "actions": [{"type": "addTag", "tag": "kiwi"}]}""".formatted(kiwis));
        LeadId entering = capture("b@example.com", "NZ");
        LeadId elsewhere = capture("c@example.com", "AU");

        crm.automation().runDue();
        crm.events().dispatchDue();
        crm.automation().runDue();
        crm.events().dispatchDue();

        assertThat(crm.leads().get(entering).tags()).containsExactly("kiwi");
        assertThat(crm.leads().get(already).tags()).isEmpty();
        assertThat(crm.leads().get(elsewhere).tags()).isEmpty();
        assertThat(runs(rule)).singleElement().extracting(RuleRun::recordId).isEqualTo(entering.value().toString());
        assertThatThrownBy(() -> crm.automation().create("""
                {"name": "bad", "event": "SegmentEntered", "segment": "%s",
                 "actions": [{"type": "setPriority", "priority": "HIGH"}]}""".formatted(kiwis)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("actions[0]"));
        assertThatThrownBy(() -> crm.automation().create("""
                {"name": "bad", "event": "SegmentEntered", "actions": [{"type": "addTag", "tag": "x"}]}"""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("segment"));
    }

    @Test
    void aRolledBackWriteRunsNoRule() {
        RuleId rule = crm.automation().create(CALL_NEW_LEADS);
        assertThatThrownBy(() -> crm.inTransaction(() -> {
            capture("ada@example.com", "NZ");
            throw new IllegalStateException("host rolls back");
        })).isInstanceOf(IllegalStateException.class);
        crm.events().dispatchDue();
        assertThat(runs(rule)).isEmpty();
        assertThat(crm.tasks().myOpenTasks()).isEmpty();
    }

    @Test
    void twoNodesDispatchingAtOnceRunARuleOncePerEvent() throws Exception {
        RuleId rule = crm.automation().create(CALL_NEW_LEADS);
        Crm other = crmWith();
        List<LeadId> leads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            leads.add(capture("lead" + i + "@example.com", "NZ"));
        }
        inParallel(() -> crm.events().dispatchDue(), () -> other.events().dispatchDue());
        crm.events().dispatchDue();
        other.events().dispatchDue();
        for (LeadId lead : leads) {
            assertThat(tasksOf(lead)).as("tasks of %s", lead).hasSize(1);
        }
        assertThat(runs(rule)).hasSize(20).allMatch(r -> r.outcome() == RunOutcome.DONE);
    }

    @Test
    void rulesRunInTheirOrderAndADisabledRuleNotAtAll() {
        RuleId tagFirst = crm.automation().create("""
                {"name": "tag", "event": "LeadCaptured", "actions": [{"type": "addTag", "tag": "new"}]}""");
        RuleId assign = crm.automation().create("""
                {"name": "assign", "event": "LeadCaptured",
                 "actions": [{"type": "assignOwner", "assignee": {"roundRobin": ["rep-2", "rep-3"]}}]}""");
        RuleId off = crm.automation().create("""
                {"name": "off", "event": "LeadCaptured", "actions": [{"type": "addTag", "tag": "never"}]}""");
        crm.automation().disable(crm.automation().get(off));
        crm.automation().move(crm.automation().get(tagFirst), 10);
        assertThat(crm.automation().list()).extracting(AutomationRule::id).containsExactly(assign, off, tagFirst);

        LeadId first = capture("a@example.com", null);
        LeadId second = capture("b@example.com", null);
        crm.events().dispatchDue();

        Lead a = crm.leads().get(first);
        Lead b = crm.leads().get(second);
        assertThat(a.tags()).containsExactly("new");
        assertThat(List.of(a.owner(), b.owner())).as("round robin over the team")
                .containsExactlyInAnyOrder(UserId.of("rep-2"), UserId.of("rep-3"));
        assertThat(runs(off)).isEmpty();
        assertThat(runs(assign).get(0).ranAt()).isBeforeOrEqualTo(runs(tagFirst).get(0).ranAt());
    }

    @Test
    void aChainOfRulesStopsAtTheDepthLimit() {
        Crm limited = crmWith(new AutomationSettings(2, Duration.ZERO, 100));
        RuleId tag = limited.automation().create("""
                {"name": "tag", "event": "LeadCaptured", "actions": [{"type": "addTag", "tag": "a"}]}""");
        RuleId assign = limited.automation().create("""
                {"name": "assign", "event": "LeadUpdated",
                 "actions": [{"type": "assignOwner", "assignee": {"user": "rep-2"}}]}""");
        RuleId tagAgain = limited.automation().create("""
                {"name": "tag again", "event": "LeadAssigned", "actions": [{"type": "addTag", "tag": "c"}]}""");
        LeadId lead = limited.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));

        limited.events().dispatchDue();

        assertThat(runs(tag)).singleElement().extracting(RuleRun::outcome, RuleRun::depth)
                .containsExactly(RunOutcome.DONE, 0);
        assertThat(runs(assign)).singleElement().extracting(RuleRun::outcome, RuleRun::depth)
                .containsExactly(RunOutcome.DONE, 1);
        assertThat(runs(tagAgain)).singleElement().extracting(RuleRun::outcome, RuleRun::depth)
                .containsExactly(RunOutcome.SKIPPED, 2);
        assertThat(runs(tagAgain).get(0).origin()).isEqualTo(runs(tag).get(0).event());
        Lead stored = crm.leads().get(lead);
        assertThat(stored.owner()).isEqualTo(UserId.of("rep-2"));
        assertThat(stored.tags()).containsExactly("a");
    }

    @Test
    void aRuleThatRetriggersItselfRunsOncePerRecordAndOrigin() {
        RuleId flip = crm.automation().create("""
                {"name": "flip", "event": "LeadAssigned",
                 "actions": [{"type": "assignOwner", "assignee": {"roundRobin": ["rep-2", "rep-3"]}}]}""");
        LeadId lead = capture("ada@example.com", null);
        crm.leads().assign(crm.leads().get(lead), UserId.of("rep-9"));
        crm.events().dispatchDue();
        assertThat(runs(flip)).singleElement().extracting(RuleRun::depth).isEqualTo(0);
        assertThat(crm.leads().get(lead).owner()).isEqualTo(UserId.of("rep-2"));
    }

    @Test
    void aRuleBuiltInCodeThatDisqualifiesWithoutAReasonIsRefusedLikeItsJson() {
        assertThatThrownBy(() -> crm.automation().create(new RuleDefinition("drop", "LeadCaptured", Criteria.all(),
                List.of(new RuleAction.SetStatus(LeadStatus.UNQUALIFIED, " ")))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("actions[0].reason")).isTrue());
        assertThat(crm.automation().list()).isEmpty();
    }

    @Test
    void anActionTheRecordCannotTakeIsLoggedAsFailedWithNothingKeptAndNotRetried() {
        RuleId rule = crm.automation().create("""
                {"name": "owner's task", "event": "LeadCaptured",
                 "actions": [{"type": "addTag", "tag": "seen"},
                             {"type": "createTask", "title": "Call", "assignee": "owner"}]}""");
        // A web form's lead, captured by the system user with no assignment rules: nobody owns it.
        LeadId unowned = crm.as(new Actor(tenant, UserId.SYSTEM, Set.of())).leads()
                .capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        assertThat(crm.leads().get(unowned).owner()).isNull();
        crm.events().dispatchDue();
        assertThat(runs(rule)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(r.error()).contains("no owner");
        });
        assertThat(crm.leads().get(unowned).tags()).as("the run's earlier actions were rolled back").isEmpty();
        assertThat(crm.events().backlog(AutomationSubscriber.NAME)).isZero();
        assertThat(crm.events().deadLetters(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void alertsReachTheHostsNotifierAfterCommit() {
        RecordingNotifier notifier = new RecordingNotifier();
        Crm alerting = crmWith(notifier);
        alerting.automation().create("""
                {"name": "hot lead", "event": "LeadCaptured", "actions": [{"type": "alert", "message": "call now"}]}""");
        LeadId lead = alerting.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                .owner(UserId.of("rep-2")));
        alerting.events().dispatchDue();
        // A notifier serves every tenant: on a shared database it also gets other tests' alerts.
        assertThat(notifier.alerts()).filteredOn(a -> a.tenant().equals(tenant)).singleElement().satisfies(a -> {
            assertThat(a.recipient()).isEqualTo(UserId.of("rep-2"));
            assertThat(a.subject()).isEqualTo("hot lead");
            assertThat(a.message()).isEqualTo("call now");
        });
        assertThat(lead).isNotNull();
    }

    @Test
    void aDelayedRuleRunsFromTheScheduleOnlyForRecordsTheCancellingEventDidNotReach() {
        RuleId rule = crm.automation().create("""
                {"name": "not contacted in 2 days", "event": "LeadCaptured", "after": "P2D",
                 "unless": ["LeadStatusChanged"],
                 "actions": [{"type": "createTask", "title": "Chase", "assignee": {"user": "manager"}}]}""");
        LeadId ignored = capture("a@example.com", null);
        LeadId contacted = capture("b@example.com", null);
        crm.events().dispatchDue();
        crm.leads().startWorking(crm.leads().get(contacted));
        crm.events().dispatchDue();

        clock.advance(Duration.ofDays(1));
        assertThat(crm.automation().runDue()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(crm.automation().runDue()).isEqualTo(1);
        assertThat(crm.automation().runDue()).as("taken once").isZero();

        assertThat(tasksOf(ignored)).singleElement().extracting(Task::assignee).isEqualTo(UserId.of("manager"));
        assertThat(tasksOf(contacted)).isEmpty();
        assertThat(runs(rule)).singleElement().extracting(RuleRun::recordId)
                .isEqualTo(ignored.value().toString());
    }

    @Test
    void twoNodesRunningDueRulesAtOnceRunEachOnce() throws Exception {
        crm.automation().create("""
                {"name": "chase", "event": "LeadCaptured", "after": "PT1H",
                 "actions": [{"type": "createTask", "title": "Chase", "assignee": {"user": "rep-2"}}]}""");
        List<LeadId> leads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            leads.add(capture("lead" + i + "@example.com", null));
        }
        crm.events().dispatchDue();
        clock.advance(Duration.ofHours(1));
        Crm other = crmWith();
        List<Integer> taken = inParallel(() -> crm.automation().runDue(), () -> other.automation().runDue());
        assertThat(taken.get(0) + taken.get(1)).isGreaterThanOrEqualTo(20);
        for (LeadId lead : leads) {
            assertThat(tasksOf(lead)).as("tasks of %s", lead).hasSize(1);
        }
    }

    @Test
    void aBadRuleIsRefusedByPathAndNothingIsStored() {
        assertThatThrownBy(() -> crm.automation().create("""
                {"name": "bad", "event": "LeadCaptured",
                 "actions": [{"type": "addTag", "tag": "x"}, {"type": "createTask", "title": "Call"}]}"""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .anySatisfy(f -> assertThat(f.field()).isEqualTo("actions[1].assignee")));
        assertThatThrownBy(() -> crm.automation().create("""
                {"name": "bad", "event": "LeadCaptured", "unless": ["LeadStatusChanged"],
                 "actions": [{"type": "addTag", "tag": "x"}]}"""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .anySatisfy(f -> assertThat(f.field()).isEqualTo("unless")));
        assertThat(crm.automation().list()).isEmpty();
    }

    @Test
    void onlyAdministratorsChangeRulesAndAStaleChangeIsRefused() {
        RuleId rule = crm.automation().create(CALL_NEW_LEADS);
        AutomationRule read = crm.automation().get(rule);
        assertThatThrownBy(() -> as("rep-2", "MANAGER").automation().create(CALL_NEW_LEADS))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("rep-2").automation().list()).isInstanceOf(AccessDeniedException.class);
        assertThat(as("rep-2", "MANAGER").automation().list()).extracting(AutomationRule::id).containsExactly(rule);

        AutomationRule renamed = crm.automation().update(read, RuleDefinition.fromJson(
                CALL_NEW_LEADS.replace("call new leads", "call them")));
        assertThat(renamed.name()).isEqualTo("call them");
        assertThatThrownBy(() -> crm.automation().disable(read)).isInstanceOf(ConcurrentUpdateException.class);
        crm.automation().delete(renamed);
        assertThat(crm.automation().list()).isEmpty();
    }

    @Test
    void aRuleDefinitionSurvivesStorageAsWritten() {
        RuleDefinition rule = RuleDefinition.fromJson("""
                {"name": "chase", "event": "LeadCaptured", "after": "P2DT3H", "unless": ["LeadStatusChanged"],
                 "criteria": {"type": "and", "criteria": [
                     {"type": "condition", "field": "score", "op": "GE", "values": ["50"]},
                     {"type": "condition", "field": "tags", "op": "CONTAINS", "values": ["vip"]}]},
                 "actions": [{"type": "createTask", "title": "Chase", "assignee": "owner", "dueInDays": 1},
                             {"type": "alert", "message": "chased"}]}""");
        RuleId id = crm.automation().create(rule);
        assertThat(crm.automation().get(id).definition()).isEqualTo(rule);
    }

    @Test
    void anAlertTheNotifierFailsToSendStaysDueForARetry() {
        Notifier down = alert -> {
            throw new IllegalStateException("notifier down");
        };
        Crm alerting = crmWith(down);
        alerting.automation().create("""
                {"name": "hot lead", "event": "LeadCaptured", "actions": [{"type": "alert", "message": "call now"}]}""");
        alerting.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        alerting.events().dispatchDue();
        assertThat(alerting.events().backlog(AlertSubscriber.NAME)).isEqualTo(1);
    }

    @SafeVarargs
    private static <T> List<T> inParallel(Callable<T>... work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.length);
        try {
            CyclicBarrier start = new CyclicBarrier(work.length);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> w : work) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return w.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
