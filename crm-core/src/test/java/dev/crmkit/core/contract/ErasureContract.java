package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.audit.FieldChange;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.CustomerEvent.PersonErased;
import dev.crmkit.core.customer.Feedback;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.document.DocumentOwner;
import dev.crmkit.core.lead.Conversion;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.privacy.Erasure;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.task.CalendarEvent;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TrackedActivity.FormSubmission;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Erasure, the right to be forgotten: a person's own records go, the records the business keeps lose every trace of
 * them, the audit keeps only the fact, and another person is untouched; retention rules erase expired leads.
 */
public abstract class ErasureContract extends ContractSupport {

    private PersonOnRecord person() {
        PersonOnRecord p = PersonOnRecord.create(crm, crmWith(PersonOnRecord.mailSettings()), clock.instant());
        crm.events().dispatchDue(); // what the person's writes raised has reached subscribers before the erasure
        return p;
    }

    private static void assertNoTrace(PersonOnRecord p, String what, Object value) {
        String text = String.valueOf(value);
        for (String trace : p.traces()) {
            assertThat(text).as(what + " after the erasure").doesNotContainIgnoringCase(trace);
        }
    }

    @Test
    void erasingAPersonDeletesTheirRecordsAndScrubsWhatTheBusinessKeeps() {
        PersonOnRecord p = person();
        List<Touchpoint> before = storage().read(tenant, tx -> tx.touchpoints().findByAccount(p.account));
        List<PersonErased> told = new CopyOnWriteArrayList<>();
        crm.events().subscribe(PersonErased.class, told::add);

        Erasure erased = crm.personalData().erase(p.lead);

        assertThat(erased.leads()).containsExactly(p.lead);
        assertThat(erased.contacts()).containsExactly(p.contact);
        assertThatThrownBy(() -> crm.leads().get(p.lead)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.contacts().get(p.contact)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.personalData().export(p.lead)).isInstanceOf(NotFoundException.class);
        assertThat(crm.tracking().touchpointsOfVisitor(p.visitor)).isEmpty();
        assertThat(crm.email().recipient(p.email)).isEmpty();
        assertThat(crm.email().consentHistory(p.email)).isEmpty();
        storage().read(tenant, tx -> {
            assertThat(tx.consents().history(p.lead.value())).isEmpty();
            assertThat(tx.consents().history(p.contact.value())).isEmpty();
            assertThat(tx.documents().ofOwner(DocumentOwner.of(p.contact))).isEmpty();
            assertThat(tx.leads().findByEmail(EmailAddress.of(p.email))).isEmpty();
            List<Touchpoint> after = tx.touchpoints().findByAccount(p.account);
            assertThat(after).as("touchpoints stay as anonymous counts").hasSameSizeAs(before);
            assertThat(after).allSatisfy(t -> {
                assertThat(t.lead()).isNull();
                assertThat(t.contact()).isNull();
                assertThat(t.visitorId()).isNull();
                assertThat(t.detail()).isNull();
                assertThat(t.outcome()).isNull();
            });
            return null;
        });

        Case kept = crm.cases().get(p.supportCase);
        assertNoTrace(p, "the case", kept);
        assertThat(kept.description()).contains("[erased]");
        List<Purchase> purchases = crm.customers().purchases(p.account);
        assertThat(purchases).hasSize(1);
        assertNoTrace(p, "the purchase", purchases);
        List<Feedback> feedback = crm.customers().feedback(p.account);
        assertThat(feedback).singleElement().satisfies(f -> assertThat(f.rating()).isEqualTo(4));
        assertNoTrace(p, "the feedback", feedback);
        List<Task> tasks = crm.tasks().ofSubject(Subject.of(p.contact));
        assertThat(tasks).hasSize(1);
        assertNoTrace(p, "the task", tasks);
        assertThat(crm.calendar().withContact(p.contact)).isEmpty();
        List<CalendarEvent> meetings = crm.calendar().myCalendar(clock.instant(), clock.instant().plus(
                Duration.ofDays(3)));
        assertThat(meetings).as("the rep's meeting stays, without the person").singleElement()
                .satisfies(m -> assertThat(m.title()).startsWith("Demo with"));
        assertNoTrace(p, "the meeting", meetings);
        Opportunity deal = crm.opportunities().get(p.opportunity);
        assertThat(deal.amount()).isEqualTo(Money.of("900.00", "EUR"));
        assertNoTrace(p, "the opportunity", deal);

        for (EntityId id : List.<EntityId>of(p.lead, p.contact)) {
            List<AuditEntry> trail = crm.audit().history(id, PageRequest.first(100)).items();
            assertThat(trail).as("only the fact of the erasure").singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.ERASED);
                assertThat(e.actor()).isEqualTo(actor.user());
                assertThat(e.changes()).isEmpty();
            });
        }
        List<AuditEntry> caseTrail = crm.audit().history(p.supportCase, PageRequest.first(100)).items();
        assertThat(caseTrail).isNotEmpty();
        for (AuditEntry e : caseTrail) {
            for (FieldChange c : e.changes()) {
                assertNoTrace(p, "the case's audit", c);
            }
        }
        crm.events().dispatchDue();
        assertThat(told).singleElement().satisfies(e -> {
            assertThat(e.leads()).containsExactly(p.lead);
            assertThat(e.contacts()).containsExactly(p.contact);
        });
    }

    @Test
    void erasingOnePersonLeavesAnotherUntouched() {
        PersonOnRecord gone = person();
        PersonOnRecord stays = person();

        crm.personalData().erase(gone.contact);

        assertThat(crm.leads().get(stays.lead).reach().email().value()).isEqualTo(stays.email);
        assertThat(crm.cases().get(stays.supportCase).description()).contains(stays.lastName);
        assertThat(crm.email().recipient(stays.email)).isPresent();
        assertThat(crm.consent().history(stays.lead)).isNotEmpty();
        assertThat(crm.audit().history(stays.lead, PageRequest.first(100)).items())
                .extracting(AuditEntry::action).doesNotContain(AuditAction.ERASED);
        assertThat(crm.tracking().touchpointsOfVisitor(stays.visitor)).isNotEmpty();
        assertThat(crm.personalData().export(stays.contact)).contains(stays.email);
    }

    @Test
    void everyRecordWithThePersonsAddressIsErased() {
        LeadId first = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        LeadId second = crm.leads().capture(NewLead.of("Ada", "King", "ada@example.com"));
        LeadId other = crm.leads().capture(NewLead.of("Grace", "Hopper", "grace@example.com"));
        crm.events().dispatchDue();

        Erasure erased = crm.personalData().erase(second);

        assertThat(erased.leads()).containsExactlyInAnyOrder(first, second);
        assertThat(crm.leads().get(other).identity().lastName()).isEqualTo("Hopper");
    }

    @Test
    void aMergedDuplicateAndAnAccountNamedAfterThePersonGoWithThem() {
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        LeadId typo = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@exmaple.com"));
        crm.leads().merge(lead, typo);
        crm.leads().qualify(lead);
        Conversion converted = crm.leads().convert(lead, ConvertLead.automatically());
        assertThat(crm.accounts().get(converted.account()).name()).isEqualTo("Ada Lovelace");
        crm.events().dispatchDue();

        Erasure erased = crm.personalData().erase(converted.contact());

        assertThat(erased.leads()).containsExactlyInAnyOrder(lead, typo);
        assertThatThrownBy(() -> crm.leads().get(typo)).isInstanceOf(NotFoundException.class);
        assertThat(crm.accounts().get(converted.account()).name()).isEqualTo("[erased]");
        assertThat(crm.audit().history(converted.account(), PageRequest.first(10)).items())
                .as("the personal account's earlier entries held the person's name").singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.ERASED));
    }

    @Test
    void aVisitorsEventsLinkedToSomeoneElseStayTheirs() {
        LeadId gone = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").visitorId("tablet"));
        LeadId other = crm.leads().capture(NewLead.of("Grace", "Hopper", "grace@example.com"));
        crm.tracking().record(new FormSubmission("f-1", clock.instant(), "tablet", null, null, "Newsletter"));
        crm.tracking().record(new FormSubmission("f-2", clock.instant(), "tablet", other, null, "Contact us"));
        crm.events().dispatchDue();

        crm.personalData().erase(gone);

        assertThat(crm.tracking().touchpointsOfLead(other)).singleElement()
                .satisfies(t -> assertThat(t.detail()).isEqualTo("Contact us"));
    }

    @Test
    void aScrubTakesWholeWordsAndNeverLengthensAText() {
        LeadId li = crm.leads().capture(NewLead.of("Mei", "Li", "mei@example.com").company("Li Logistics"));
        crm.leads().qualify(li);
        ContactId contact = crm.leads().convert(li, ConvertLead.automatically()).contact();
        CaseId kept = crm.cases().open(NewCase.from(contact, Channel.PHONE, "Delivery late, Li says")).id();
        crm.events().dispatchDue();

        crm.personalData().erase(li);

        assertThat(crm.cases().get(kept).subject()).isEqualTo("Delivery late, ** says");
    }

    @Test
    void anUnknownPersonIsNotFoundAndNothingIsWritten() {
        LeadId known = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        long entries = crm.audit().history(known, PageRequest.first(100)).total();

        assertThatThrownBy(() -> crm.personalData().erase(LeadId.of(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.personalData().erase(ContactId.of(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);

        assertThat(crm.leads().get(known).reach().email().value()).isEqualTo("ada@example.com");
        assertThat(crm.audit().history(known, PageRequest.first(100)).total()).isEqualTo(entries);
    }

    @Test
    void onlyAnAdminErasesAndOnlyWithinTheirTenant() {
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        Crm manager = crm.as(new Actor(tenant, UserId.of("boss"), Set.of(Actor.MANAGER)));
        assertThatThrownBy(() -> manager.personalData().erase(lead)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> manager.personalData().eraseUnconvertedLeads(Period.ofMonths(6)))
                .isInstanceOf(AccessDeniedException.class);
        Crm otherTenant = crm.as(new Actor(freshTenant(), actor.user(), actor.roles()));
        assertThatThrownBy(() -> otherTenant.personalData().erase(lead)).isInstanceOf(NotFoundException.class);
        assertThat(crm.leads().get(lead).identity().lastName()).isEqualTo("Lovelace");
    }

    @Test
    void aRetentionRuleErasesTheUnconvertedLeadsUntouchedForThePeriod() {
        LeadId stale = crm.leads().capture(NewLead.of("Old", "Prospect", "old@example.com"));
        crm.consent().grant(stale, ConsentPurpose.PROFILING, LawfulBasis.CONSENT, "banner", null);
        crm.email().grantConsent("old@example.com", LawfulBasis.CONSENT, "form"); // reaches the lead: now, not later
        LeadId converted = crm.leads().capture(NewLead.of("Won", "Customer", "won@example.com").company("Won Ltd"));
        crm.leads().qualify(converted);
        AccountId account = crm.leads().convert(converted, ConvertLead.automatically()).account();
        LeadId worked = crm.leads().capture(NewLead.of("Still", "Worked", "worked@example.com"));
        clock.advance(Duration.ofDays(150));
        crm.leads().startWorking(worked);
        clock.advance(Duration.ofDays(60));
        LeadId fresh = crm.leads().capture(NewLead.of("New", "Prospect", "new@example.com"));
        ContactId sameAddress = crm.contacts().create(ContactDetails.of(account, "Old", "Again", "old@example.com"));
        crm.events().dispatchDue();

        assertThatThrownBy(() -> crm.personalData().eraseUnconvertedLeads(Period.ZERO))
                .isInstanceOf(ValidationException.class).hasMessageContaining("untouchedFor");
        int erased = crm.personalData().eraseUnconvertedLeads(Period.ofMonths(6));

        assertThat(erased).isEqualTo(1);
        assertThatThrownBy(() -> crm.leads().get(stale)).isInstanceOf(NotFoundException.class);
        assertThat(crm.audit().history(stale, PageRequest.first(10)).items()).extracting(AuditEntry::operation)
                .containsExactly("PersonalDataService.eraseUnconvertedLeads");
        List<LeadId> left = new ArrayList<>();
        for (LeadId id : List.of(converted, worked, fresh)) {
            left.add(crm.leads().get(id).id());
        }
        assertThat(left).hasSize(3);
        assertThat(crm.contacts().get(sameAddress).points().email().value()).isEqualTo("old@example.com");
        assertThat(crm.email().recipient("old@example.com")).as("another lead still has the address").isPresent();
        assertThat(crm.personalData().eraseUnconvertedLeads(Period.ofMonths(6))).isZero();
    }
}
