package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.customer.TimelineEntry;
import dev.crmkit.core.lead.AssignmentRules.Team;
import dev.crmkit.core.lead.AssignmentRules;
import dev.crmkit.core.lead.Conversion;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadEvent.LeadConverted;
import dev.crmkit.core.lead.LeadEvent;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.ScoringRules;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.CalendarEventKind;
import dev.crmkit.core.task.NewCalendarEvent;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.core.tracking.RepInteraction;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lead life cycle through {@code LeadService}: status machine, scoring, assignment and conversion. */
public abstract class LeadLifecycleContract extends ContractSupport {

    private LeadId lead(String email) {
        return crm.leads().capture(NewLead.of("Ada", "Lovelace", email).company("Analytical Engines Ltd"));
    }

    // ---- status machine -----------------------------------------------------------------------------------------

    @Test
    void statusesFollowTheMachineAndIllegalMovesChangeNothing() {
        LeadId id = lead("ada@example.com");
        assertThat(crm.leads().startWorking(id).status()).isEqualTo(LeadStatus.WORKING);
        assertThatThrownBy(() -> crm.leads().startWorking(id)).isInstanceOf(IllegalTransitionException.class);
        Lead out = crm.leads().disqualify(id, "no budget");
        assertThat(out.status()).isEqualTo(LeadStatus.UNQUALIFIED);
        assertThat(out.outcome().unqualifiedReason()).isEqualTo("no budget");
        assertThatThrownBy(() -> crm.leads().qualify(id)).isInstanceOf(IllegalTransitionException.class);
        assertThat(crm.leads().startWorking(id).outcome().unqualifiedReason()).isNull();
        assertThat(crm.leads().qualify(id).status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThatThrownBy(() -> crm.leads().disqualify(id, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("reason")).isTrue());

        Lead now = crm.leads().get(id);
        assertThat(now.status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(now.history()).extracting(h -> h.action())
                .containsExactly("CAPTURED", "STATUS", "STATUS", "STATUS", "STATUS");
    }

    // ---- scoring ------------------------------------------------------------------------------------------------

    @Test
    void touchpointsRaiseTheScoreAndItDecaysWithTime() {
        ScoringRules rules = new ScoringRules(Map.of(ScoringRules.Attribute.HAS_COMPANY, 10), Map.of(),
                Map.of(TouchpointKind.PHONE_CALL, 40), Duration.ofDays(10), 100);
        Crm scored = crmWith(rules);
        LeadId id = scored.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").company("AE"));
        assertThat(scored.leads().get(id).score()).isEqualTo(10);

        scored.tracking().logCall(RepInteraction.withLead(id, 60, "interested", null));
        assertThat(scored.leads().get(id).score()).as("rescored when the call was logged").isEqualTo(50);

        clock.advance(Duration.ofDays(10));
        assertThat(scored.leads().score(id)).as("half-life passed").isEqualTo(30);
        assertThat(scored.leads().get(id).score()).as("stored until rescored").isEqualTo(50);
        assertThat(scored.leads().rescoreOpen()).isEqualTo(1);
        assertThat(scored.leads().search(LeadQuery.all().withMinScore(31), PageRequest.first(5)).total()).isZero();
        assertThat(scored.leads().get(id).score()).isEqualTo(30);
    }

    @Test
    void aLeadsTimelineShowsItsTouchpointsAndChangesNewestFirst() {
        LeadId id = lead("ada@example.com");
        clock.advance(Duration.ofMinutes(1));
        crm.tracking().logCall(RepInteraction.withLead(id, 60, "interested", null));
        clock.advance(Duration.ofMinutes(1));
        crm.leads().startWorking(id);

        Page<TimelineEntry> timeline = crm.leads().timeline(id, PageRequest.first(10));

        assertThat(timeline.items()).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.LEAD_CHANGE,
                TimelineEntry.Kind.PHONE_CALL, TimelineEntry.Kind.LEAD_CHANGE);
        assertThat(timeline.items()).isSortedAccordingTo(TimelineEntry.NEWEST_FIRST);
        assertThat(timeline.items().get(1).summary()).contains("interested");
        assertThat(crm.leads().timeline(id, PageRequest.first(1)).total()).isEqualTo(3);
        assertThatThrownBy(() -> crm.leads().timeline(LeadId.of(UUID.randomUUID()), PageRequest.first(1)))
                .isInstanceOf(NotFoundException.class);
    }

    // ---- assignment ---------------------------------------------------------------------------------------------

    @Test
    void inboundLeadsGoByTerritoryElseRoundRobinAndRepsKeepTheirOwn() {
        Team emea = Team.of("emea", UserId.of("emma"), UserId.of("emil"));
        Team rest = Team.of("rest", UserId.of("rita"), UserId.of("rob"), UserId.of("ray"));
        Crm system = crmWith(AssignmentRules.roundRobin(rest).withTerritory("DE", null, emea))
                .as(new dev.crmkit.core.common.Actor(tenant, UserId.SYSTEM, actor.roles()));

        List<UserId> owners = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            owners.add(system.leads().get(system.leads().capture(NewLead.of("A", "B" + i, "a" + i + "@x.example")
                    .address(Address.of("Berlin", null, "DE")))).owner());
        }
        UserId us = system.leads().get(system.leads().capture(NewLead.of("A", "C", "c@x.example")
                .address(Address.of("Boston", "MA", "US")))).owner();

        assertThat(owners).containsExactly(UserId.of("emma"), UserId.of("emil"), UserId.of("emma"),
                UserId.of("emil"), UserId.of("emma"));
        assertThat(us).isEqualTo(UserId.of("rita"));
        LeadId repsOwn = crmWith(AssignmentRules.roundRobin(rest)).leads().capture(NewLead.of("A", "D", "d@x.example"));
        assertThat(crm.leads().get(repsOwn).owner()).isEqualTo(actor.user());
    }

    @Test
    void repsTakeUnownedLeadsAndManagersAssignAnyone() {
        LeadId id = lead("ada@example.com");
        assertThatThrownBy(() -> as("rep-2").leads().assign(id, UserId.of("rep-2")))
                .as("owned by rep-1, a lead rep-2 does not see").isInstanceOf(NotFoundException.class);
        assertThat(crm.leads().assign(id, UserId.of("rep-2")).owner()).isEqualTo(UserId.of("rep-2"));
        assertThatThrownBy(() -> as("rep-2").leads().assign(id, UserId.of("rep-3")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(crm.leads().get(id).history()).extracting(h -> h.action()).containsExactly("CAPTURED", "ASSIGNED");
    }

    // ---- conversion ---------------------------------------------------------------------------------------------

    @Test
    void conversionCreatesAccountAndContactAndCarriesTheHistoryOver() {
        List<LeadEvent> events = new ArrayList<>();
        crm.events().subscribe(LeadEvent.class, events::add);
        LeadId id = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com")
                .company("Analytical Engines Ltd").phone("+44 20 7946 0958").visitorId("v-1"));
        crm.tracking().logCall(RepInteraction.withLead(id, 60, "interested", null));
        crm.leads().qualify(id);

        Conversion c = crm.leads().convert(id, ConvertLead.automatically());

        assertThat(c.newAccount()).isTrue();
        assertThat(c.newContact()).isTrue();
        assertThat(crm.accounts().get(c.account()).name()).isEqualTo("Analytical Engines Ltd");
        Contact contact = crm.contacts().get(c.contact());
        assertThat(contact.account()).isEqualTo(c.account());
        assertThat(contact.points().email()).isEqualTo(crm.leads().get(id).reach().email());
        assertThat(contact.sourceLead()).isEqualTo(id);
        assertThat(contact.stage()).isEqualTo(LifecycleStage.PROSPECT);
        Lead converted = crm.leads().get(id);
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.outcome().convertedAccount()).isEqualTo(c.account());
        assertThat(converted.outcome().convertedContact()).isEqualTo(c.contact());
        assertThat(crm.customers().timeline(c.contact(), PageRequest.first(10)).items()).isNotEmpty();
        assertThat(crm.tracking().touchpointsOfLead(id)).extracting(Touchpoint::contact).containsOnly(c.contact());
        assertThat(events).filteredOn(LeadConverted.class::isInstance).hasSize(1);
        assertThatThrownBy(() -> crm.leads().convert(id, ConvertLead.automatically()))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void conversionHandsTheLeadsTasksAndEventsToTheContact() {
        LeadId id = lead("ada@example.com");
        TaskId done = crm.tasks().create(NewTask.of("First call").about(Subject.of(id)));
        crm.tasks().create(NewTask.of("unrelated"));
        TaskId open = crm.tasks().create(NewTask.of("Send the proposal").about(Subject.of(id)));
        crm.tasks().complete(done);
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        CalendarEventId visit = crm.calendar().schedule(NewCalendarEvent.of(CalendarEventKind.VISIT, "Visit",
                start, start.plusSeconds(3600)).about(Subject.of(id)));
        crm.leads().qualify(id);

        Conversion c = crm.leads().convert(id, ConvertLead.automatically());

        assertThat(crm.tasks().ofSubject(Subject.of(c.contact()))).extracting(Task::id)
                .containsExactlyInAnyOrder(done, open);
        assertThat(crm.tasks().ofSubject(Subject.of(id))).isEmpty();
        assertThat(crm.tasks().get(open).status()).isEqualTo(TaskStatus.OPEN);
        assertThat(crm.tasks().get(done).status()).isNotEqualTo(TaskStatus.OPEN);
        assertThat(crm.calendar().ofSubject(Subject.of(c.contact()))).extracting(CalendarEvent::id)
                .containsExactly(visit);
        assertThat(crm.calendar().ofSubject(Subject.of(id))).isEmpty();
    }

    @Test
    protected void conversionOpensAnOpportunityWhenAskedAndABadOneUndoesTheWholeConversion() {
        LeadId id = lead("ada@example.com");
        crm.leads().assign(id, UserId.of("rep-2"));
        crm.leads().qualify(id);
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);

        assertThatThrownBy(() -> crm.leads().convert(id, ConvertLead.automatically()
                .withOpportunity("Engines", Money.of("1000.00", "EUR"), yesterday)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("closeDate")).isTrue());
        assertThat(crm.leads().get(id).status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(crm.accounts().findByName("Analytical Engines")).isEmpty();

        Conversion c = crm.leads().convert(id, ConvertLead.automatically()
                .withOpportunity("Engines", Money.of("1000.00", "EUR"), yesterday.plusDays(30)));

        Opportunity o = crm.opportunities().get(c.opportunity());
        assertThat(o.account()).isEqualTo(c.account());
        assertThat(o.contact()).isEqualTo(c.contact());
        assertThat(o.owner()).isEqualTo(UserId.of("rep-2"));
        assertThat(o.amount()).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(crm.opportunities().ofAccount(c.account())).extracting(Opportunity::id)
                .containsExactly(c.opportunity());
    }

    @Test
    void anOpportunityAskedForWithoutItsAmountAndCloseDateIsRefusedBeforeAnythingIsWritten() {
        LeadId id = lead("ada@example.com");
        crm.leads().qualify(id);

        assertThatThrownBy(() -> crm.leads().convert(id, ConvertLead.automatically()
                .withOpportunity("Engines", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("opportunityAmount", "opportunityCloseDate"));
        assertThat(crm.leads().get(id).status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(crm.accounts().findByName("Analytical Engines")).isEmpty();
    }

    @Test
    void conversionAttachesToTheAccountNamedLikeTheCompanyAndReusesItsContact() {
        AccountId acme = crm.accounts().create(AccountDetails.named("ACME Inc."));
        ContactId known = crm.contacts().create(ContactDetails.of(acme, "Wile", "Coyote", "wile@acme.example"));
        LeadId id = crm.leads().capture(NewLead.of("Wile E.", "Coyote", "WILE@acme.example").company("Acme"));
        crm.leads().qualify(id);

        Conversion c = crm.leads().convert(id, ConvertLead.automatically());

        assertThat(c.account()).isEqualTo(acme);
        assertThat(c.newAccount()).isFalse();
        assertThat(c.contact()).isEqualTo(known);
        assertThat(c.newContact()).isFalse();
    }

    @Test
    void conversionNeedsAQualifiedLeadAndAnUnambiguousAccountAndWritesNothingOtherwise() {
        LeadId id = lead("ada@example.com");
        assertThatThrownBy(() -> crm.leads().convert(id, ConvertLead.automatically()))
                .isInstanceOf(IllegalTransitionException.class);
        crm.accounts().create(AccountDetails.named("Analytical Engines"));
        crm.accounts().create(AccountDetails.named("Analytical Engines Limited"));
        crm.leads().qualify(id);

        assertThatThrownBy(() -> crm.leads().convert(id, ConvertLead.automatically()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("account")).isTrue());
        assertThatThrownBy(() -> crm.leads().convert(id, ConvertLead.toAccount(AccountId.of(
                java.util.UUID.randomUUID())))).isInstanceOf(ValidationException.class);
        assertThat(crm.leads().get(id).status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(crm.contacts().search(dev.crmkit.core.customer.ContactQuery.all(),
                PageRequest.first(5)).total()).isZero();

        AccountId chosen = crm.accounts().findByName("Analytical Engines").get(0).id();
        Conversion c = crm.leads().convert(id, ConvertLead.toAccount(chosen));
        assertThat(c.account()).isEqualTo(chosen);
        assertThat(c.newContact()).isTrue();
    }
}
