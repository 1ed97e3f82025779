package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Feedback;
import dev.crmkit.core.sales.ProductDetails;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.service.BusinessHours;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseHistoryEntry;
import dev.crmkit.core.service.CasePriority;
import dev.crmkit.core.service.CaseStatus;
import dev.crmkit.core.service.ContractTerms;
import dev.crmkit.core.service.EscalationKind;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.service.Satisfaction;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceEvent.CaseEscalated;
import dev.crmkit.core.service.ServiceEvent.CaseOpened;
import dev.crmkit.core.service.ServiceEvent.CaseStatusChanged;
import dev.crmkit.core.service.ServiceEvent.ServiceContractSaved;
import dev.crmkit.core.service.ServiceLevel;
import dev.crmkit.core.service.ServiceSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cases through {@code CaseService} and {@code ServiceContractService}: numbers, SLA, status, escalation, rating. */
public abstract class CaseContract extends ServiceContractSupport {

    private Case openCase() {
        return crm.cases().open(NewCase.from(ada, Channel.PHONE, "Mill jams"));
    }

    @Test
    void casesGetConsecutiveTrackingNumbersAndTargetsFromTheCoveringContract() {
        ServiceContract gold = goldContract();
        Case first = crm.cases().open(NewCase.from(ada, Channel.PHONE, " Mill jams ").withDescription("card 3")
                .about(null, "ENG-1").withKind(null, "hardware"));
        clock.advance(Duration.ofMinutes(5));
        Case second = crm.cases().open(NewCase.from(ada, Channel.EMAIL, "Invoice wrong")
                .withPriority(CasePriority.URGENT));

        assertThat(first.trackingNumber()).isEqualTo("CS-2026-000001");
        assertThat(second.trackingNumber()).isEqualTo("CS-2026-000002");
        assertThat(first.regarding().account()).isEqualTo(acme);
        assertThat(first.subject()).isEqualTo("Mill jams");
        assertThat(first.regarding().productCode()).isEqualTo("ENG-1");
        assertThat(first.triage().category()).isEqualTo("hardware");
        assertThat(first.status()).isEqualTo(CaseStatus.NEW);
        assertThat(first.triage().priority()).isEqualTo(CasePriority.MEDIUM);
        assertThat(first.owner()).isEqualTo(actor.user());
        assertThat(first.targets().contract()).isEqualTo(gold.id());
        assertThat(first.withoutContract()).isFalse();
        assertThat(first.targets().firstResponseDue()).isEqualTo(START.plus(Duration.ofHours(4)));
        assertThat(first.targets().resolutionDue()).isEqualTo(START.plus(Duration.ofDays(2)));
        Instant secondOpened = START.plus(Duration.ofMinutes(5));
        assertThat(second.targets().firstResponseDue()).isEqualTo(secondOpened.plus(Duration.ofHours(1)));
        assertThat(second.targets().resolutionDue()).isEqualTo(secondOpened.plus(Duration.ofHours(4)));
        assertThat(first.history()).extracting(CaseHistoryEntry::action).containsExactly("OPENED");
        assertThat(crm.cases().byTrackingNumber(" cs-2026-000002 ")).contains(second);
        assertThat(crm.cases().ofContact(ada)).containsExactly(first, second);
        assertThat(events(CaseOpened.class)).extracting(e -> e.serviceCase().id())
                .containsExactly(first.id(), second.id());
    }

    @Test
    void anotherTenantCountsItsOwnTrackingNumbersAndAPrefixCanBeConfigured() {
        openCase();
        Crm other = Crm.builder().storage(storage()).clock(clock).actor(new Actor(
                freshTenant(), UserId.of("rep-1"), Set.of())).with(ServiceSettings.defaults().withTrackingPrefix("SUP"))
                .build();
        AccountId account = other.accounts().create(AccountDetails.named("Other"));
        Case c = other.cases().open(new NewCase(null, account, null, null, null, null, null, null, Channel.WEB,
                "Hello", null, null));
        assertThat(c.trackingNumber()).isEqualTo("SUP-2026-000001");
        assertThat(crm.cases().byTrackingNumber("SUP-2026-000001")).isEmpty();
    }

    @Test
    void businessHoursSkipNightsWeekendsAndHolidays() {
        // Monday to Friday 09:00-17:00 UTC; Monday 12 January is a holiday.
        BusinessHours hours = new BusinessHours(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0),
                BusinessHours.weekdays(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0)).days(),
                Set.of(LocalDate.of(2026, 1, 12)));
        crm.serviceContracts().create(ContractTerms.of(acme, "Business", JAN_1, DEC_31, levels()).during(hours));
        clock.set(Instant.parse("2026-01-09T16:00:00Z")); // Friday, one business hour left

        Case c = crm.cases().open(NewCase.from(ada, Channel.PHONE, "Late call").withPriority(CasePriority.HIGH));

        // 2h: 1h on Friday, then Tuesday (Monday is a holiday) 09:00 + 1h.
        assertThat(c.targets().firstResponseDue()).isEqualTo(Instant.parse("2026-01-13T10:00:00Z"));
        // 8h: 1h Friday + 7h Tuesday.
        assertThat(c.targets().resolutionDue()).isEqualTo(Instant.parse("2026-01-13T16:00:00Z"));

        clock.set(Instant.parse("2026-01-10T22:00:00Z")); // Saturday night: the clock starts Tuesday 09:00
        Case weekend = crm.cases().open(NewCase.from(ada, Channel.WEB, "Weekend").withPriority(CasePriority.URGENT));
        assertThat(weekend.targets().firstResponseDue()).isEqualTo(Instant.parse("2026-01-13T10:00:00Z"));
    }

    @Test
    void aCaseWithoutAValidContractIsFlaggedAndHasNoTargets() {
        ProductId covered = crm.products().create(ProductDetails.of("ENG-1", "Difference Engine"));
        crm.serviceContracts().create(ContractTerms.of(acme, "Expired", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), levels()));
        crm.serviceContracts().create(ContractTerms.of(acme, "Engines only", JAN_1, DEC_31, levels())
                .covering(Set.of(covered), Set.of("ENG-1")));

        Case other = crm.cases().open(NewCase.from(ada, Channel.PHONE, "Printer").about(null, "PRN-1"));
        Case byCode = crm.cases().open(NewCase.from(ada, Channel.PHONE, "Engine").about(null, "ENG-1"));
        Case byId = crm.cases().open(NewCase.from(ada, Channel.PHONE, "Engine").about(covered, null));

        assertThat(other.withoutContract()).isTrue();
        assertThat(other.targets().firstResponseDue()).isNull();
        assertThat(other.targets().resolutionDue()).isNull();
        assertThat(other.history().get(0).detail()).isEqualTo("without a valid contract");
        assertThat(byCode.withoutContract()).isFalse();
        assertThat(byId.withoutContract()).isFalse();
        assertThat(crm.serviceContracts().activeFor(acme)).extracting(ServiceContract::name)
                .containsExactly("Engines only");
        assertThat(events(ServiceContractSaved.class)).extracting(e -> e.contract().name())
                .containsExactly("Expired", "Engines only");
    }

    @Test
    void theStrictestCoveringContractSetsTheTargets() {
        Map<CasePriority, ServiceLevel> fast = levels();
        fast.put(CasePriority.MEDIUM, ServiceLevel.of(Duration.ofHours(1),
                Duration.ofHours(6)));
        goldContract();
        ServiceContract platinum = crm.serviceContracts().create(ContractTerms.of(acme, "Platinum", JAN_1, null,
                fast));
        Case c = openCase();
        assertThat(c.targets().contract()).isEqualTo(platinum.id());
        assertThat(c.targets().resolutionDue()).isEqualTo(START.plus(Duration.ofHours(6)));
    }

    @Test
    void badInputNamesEveryFieldAndWritesNothing() {
        assertThatThrownBy(() -> crm.cases().open(new NewCase(null, null, null, null, null, null, null, null, null,
                " ", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("subject", "channel", "contact"));
        ContactId unknown = ContactId.of(UUID.randomUUID());
        assertThatThrownBy(() -> crm.cases().open(NewCase.from(unknown, Channel.PHONE, "x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("contact")).isTrue());
        AccountId otherAccount = crm.accounts().create(AccountDetails.named("Other"));
        assertThatThrownBy(() -> crm.cases().open(NewCase.from(ada, Channel.PHONE, "x").withAccount(otherAccount)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("account")).isTrue());

        assertThat(crm.cases().ofAccount(acme)).isEmpty();
        assertThat(events(CaseOpened.class)).isEmpty();
        // No number was used up by the failed attempts.
        assertThat(openCase().trackingNumber()).isEqualTo("CS-2026-000001");
    }

    @Test
    void contractTermsAreValidatedFieldByField() {
        Map<CasePriority, ServiceLevel> partial = levels();
        partial.remove(CasePriority.LOW);
        partial.put(CasePriority.HIGH, ServiceLevel.of(Duration.ofHours(9),
                Duration.ofHours(8)));
        assertThatThrownBy(() -> crm.serviceContracts().create(new ContractTerms(AccountId.of(UUID.randomUUID()),
                " ", JAN_1, LocalDate.of(2025, 12, 31), null, null, partial, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("account", "name", "endDate",
                                "levels.LOW", "levels.HIGH"));
        assertThat(crm.serviceContracts().ofAccount(acme)).isEmpty();
    }

    @Test
    void updatedTermsApplyToNewCasesOnly() {
        ServiceContract gold = goldContract();
        Case before = openCase();
        Map<CasePriority, ServiceLevel> slower = levels();
        slower.put(CasePriority.MEDIUM, ServiceLevel.of(Duration.ofHours(8), Duration.ofDays(4)));
        clock.advance(Duration.ofMinutes(1));
        ServiceContract updated = crm.serviceContracts().update(gold,
                ContractTerms.of(acme, "Gold 2", JAN_1, DEC_31, slower));
        Case after = openCase();

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(gold.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(crm.cases().get(before.id()).targets().resolutionDue()).isEqualTo(START.plus(Duration.ofDays(2)));
        assertThat(after.targets().resolutionDue()).isEqualTo(clock.instant().plus(Duration.ofDays(4)));
        AccountId other = crm.accounts().create(AccountDetails.named("Other"));
        assertThatThrownBy(() -> crm.serviceContracts().update(updated,
                ContractTerms.of(other, "Gold 2", JAN_1, DEC_31, slower)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("account")).isTrue());
        assertThat(crm.serviceContracts().get(gold.id())).isEqualTo(updated);
    }

    @Test
    void theStatusMachineRejectsIllegalMovesAndRecordsHistory() {
        Case c = openCase();
        assertThatThrownBy(() -> crm.cases().close(c.id())).isInstanceOf(IllegalTransitionException.class);
        crm.cases().start(c.id());
        crm.cases().waitOnCustomer(c.id());
        crm.cases().start(c.id());
        Case resolved = crm.cases().resolve(c.id(), "replaced the reader");
        assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(resolved.closure().resolution()).isEqualTo("replaced the reader");
        assertThat(resolved.closure().resolvedAt()).isEqualTo(START);
        assertThatThrownBy(() -> crm.cases().waitOnCustomer(c.id())).isInstanceOf(IllegalTransitionException.class);
        Case closed = crm.cases().close(c.id());
        assertThat(closed.closure().closedAt()).isEqualTo(START);
        assertThat(closed.history()).extracting(CaseHistoryEntry::detail).containsExactly("without a valid contract",
                "NEW -> IN_PROGRESS", "IN_PROGRESS -> WAITING_ON_CUSTOMER", "WAITING_ON_CUSTOMER -> IN_PROGRESS",
                "IN_PROGRESS -> RESOLVED: replaced the reader", "RESOLVED -> CLOSED");
        assertThat(events(CaseStatusChanged.class)).extracting(CaseStatusChanged::to).containsExactly(
                CaseStatus.IN_PROGRESS, CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED,
                CaseStatus.CLOSED);
        assertThatThrownBy(() -> crm.cases().get(CaseId.of(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCaseReopensOnlyWithinTheConfiguredWindow() {
        Crm configured = crmWith(ServiceSettings.defaults().withReopenWindow(Duration.ofDays(3)));
        Case a = configured.cases().open(NewCase.from(ada, Channel.PHONE, "a"));
        Case b = configured.cases().open(NewCase.from(ada, Channel.PHONE, "b"));
        configured.cases().resolve(a.id(), "done");
        configured.cases().close(configured.cases().resolve(b.id(), "done").id());

        clock.advance(Duration.ofDays(3));
        Case reopened = configured.cases().reopen(b.id(), "still jams");
        assertThat(reopened.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(reopened.closure().resolvedAt()).isNull();
        assertThat(reopened.closure().closedAt()).isNull();

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> configured.cases().reopen(a.id(), "too late"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(configured.cases().get(a.id()).status()).isEqualTo(CaseStatus.RESOLVED);
    }

    @Test
    void onlyAReplyToTheCustomerOrAStatusMoveIsTheFirstResponse() {
        Case c = openCase();
        clock.advance(Duration.ofMinutes(10));
        Case noted = crm.cases().comment(c.id(), "checking the logs", false);
        assertThat(noted.targets().firstRespondedAt()).isNull();
        clock.advance(Duration.ofMinutes(10));
        Case replied = crm.cases().comment(c.id(), "We are on it", true);
        assertThat(replied.targets().firstRespondedAt()).isEqualTo(START.plus(Duration.ofMinutes(20)));
        assertThat(replied.comments()).extracting(cm -> cm.text()).containsExactly("checking the logs",
                "We are on it");
        clock.advance(Duration.ofMinutes(10));
        assertThat(crm.cases().start(c.id()).targets().firstRespondedAt())
                .isEqualTo(START.plus(Duration.ofMinutes(20)));
        assertThatThrownBy(() -> crm.cases().comment(c.id(), " ", true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("text")).isTrue());
        Case other = openCase();
        assertThat(crm.cases().waitOnCustomer(other.id()).targets().firstRespondedAt()).isEqualTo(clock.instant());
    }

    @Test
    void overdueCasesEscalateOncePerMissedTargetAlertingTheOwnersManager() {
        goldContract();
        UserId boss = UserId.of("boss-1");
        Crm configured = crmWith(ServiceSettings.defaults().withManagers(Map.of(actor.user(), boss),
                UserId.of("duty-manager")));
        Case late = configured.cases().open(NewCase.from(ada, Channel.PHONE, "late"));
        Case answered = configured.cases().open(NewCase.from(ada, Channel.PHONE, "answered")
                .withOwner(UserId.of("rep-2")));
        configured.cases().comment(answered.id(), "on it", true);
        Case resolved = configured.cases().open(NewCase.from(ada, Channel.PHONE, "resolved"));
        configured.cases().resolve(resolved.id(), "quick fix");

        clock.set(START.plus(Duration.ofHours(4)));
        assertThat(configured.cases().escalateOverdue()).isEmpty(); // due, not yet overdue

        clock.advance(Duration.ofSeconds(1));
        List<CaseEscalated> firstRun = configured.cases().escalateOverdue();
        assertThat(firstRun).singleElement().satisfies(e -> {
            assertThat(e.serviceCase().id()).isEqualTo(late.id());
            assertThat(e.missed()).isEqualTo(EscalationKind.FIRST_RESPONSE);
            assertThat(e.dueAt()).isEqualTo(late.targets().firstResponseDue());
            assertThat(e.from()).isEqualTo(CasePriority.MEDIUM);
            assertThat(e.to()).isEqualTo(CasePriority.HIGH);
            assertThat(e.owner()).isEqualTo(actor.user());
            assertThat(e.manager()).isEqualTo(boss);
        });
        assertThat(configured.cases().escalateOverdue()).isEmpty();
        Case escalated = configured.cases().get(late.id());
        assertThat(escalated.triage().priority()).isEqualTo(CasePriority.HIGH);
        assertThat(escalated.escalations()).containsExactly(EscalationKind.FIRST_RESPONSE);
        assertThat(escalated.history()).extracting(CaseHistoryEntry::action).contains("ESCALATED");

        clock.set(START.plus(Duration.ofDays(2)).plusSeconds(1));
        List<CaseEscalated> secondRun = configured.cases().escalateOverdue();
        assertThat(secondRun).extracting(e -> e.serviceCase().id(), CaseEscalated::missed, CaseEscalated::to,
                CaseEscalated::manager).containsExactlyInAnyOrder(
                tuple(late.id(), EscalationKind.RESOLUTION, CasePriority.URGENT, boss),
                tuple(answered.id(), EscalationKind.RESOLUTION, CasePriority.HIGH,
                        UserId.of("duty-manager")));
        assertThat(configured.cases().escalateOverdue()).isEmpty();
        assertThat(configured.cases().get(resolved.id()).escalations()).isEmpty();
        assertThat(events(CaseEscalated.class)).hasSize(3);
    }

    @Test
    void closingWithARatingStoresItAsFeedbackOfTheContact() {
        Case c = openCase();
        crm.cases().resolve(c.id(), "fixed");
        assertThatThrownBy(() -> crm.cases().close(c.id(), new Satisfaction(6, "great")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("rating")).isTrue());
        assertThat(crm.cases().get(c.id()).status()).isEqualTo(CaseStatus.RESOLVED);

        Case closed = crm.cases().close(c.id(), new Satisfaction(5, "Fast and friendly"));
        List<Feedback> feedback = crm.customers().feedback(ada);
        assertThat(feedback).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(closed.feedback());
            assertThat(f.rating()).isEqualTo(5);
            assertThat(f.text()).isEqualTo("Fast and friendly");
            assertThat(f.account()).isEqualTo(acme);
            assertThat(f.channel()).isEqualTo(Channel.PHONE);
        });
        assertThatThrownBy(() -> crm.cases().rate(c.id(), Satisfaction.of(3)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("feedback")).isTrue());

        crm.cases().reopen(c.id(), "jams again");
        crm.cases().resolve(c.id(), "fixed for good");
        assertThatThrownBy(() -> crm.cases().close(c.id(), Satisfaction.of(1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("feedback")).isTrue());
        assertThat(crm.cases().get(c.id()).status()).isEqualTo(CaseStatus.RESOLVED);

        Case later = openCase();
        crm.cases().close(crm.cases().resolve(later.id(), "fixed").id());
        assertThat(crm.cases().rate(later.id(), Satisfaction.of(2)).feedback()).isNotNull();
        assertThat(crm.customers().feedback(ada)).extracting(Feedback::rating).containsExactly(5, 2);
    }

    @Test
    void articlesLinkOnlyWhenTheyExist() {
        Case c = openCase();
        ArticleId unknown = ArticleId.of(UUID.randomUUID());
        assertThatThrownBy(() -> crm.cases().linkArticle(c.id(), unknown))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("article")).isTrue());
        assertThat(crm.cases().get(c.id()).articles()).isEmpty();
    }

    @Test
    void ownerAndPriorityChangesAreRecorded() {
        Case c = openCase();
        crm.cases().assign(c.id(), UserId.of("rep-9"));
        Case p = crm.cases().prioritize(c.id(), CasePriority.LOW);
        assertThat(p.owner()).isEqualTo(UserId.of("rep-9"));
        assertThat(p.triage().priority()).isEqualTo(CasePriority.LOW);
        assertThat(p.history()).extracting(CaseHistoryEntry::detail).endsWith("rep-1 -> rep-9", "MEDIUM -> LOW");
        assertThatThrownBy(() -> crm.cases().assign(c.id(), null)).isInstanceOf(ValidationException.class);
    }
}
