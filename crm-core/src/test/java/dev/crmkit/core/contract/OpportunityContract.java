package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.sales.ForecastCategory;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.OpportunityDetails;
import dev.crmkit.core.sales.OpportunityStatus;
import dev.crmkit.core.sales.SalesEvent;
import dev.crmkit.core.sales.SalesStage;
import dev.crmkit.core.sales.SalesStages;
import dev.crmkit.core.sales.StageChange;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opportunities through {@code OpportunityService}: creation rules, stages and their history, closing. */
public abstract class OpportunityContract extends ContractSupport {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 5);
    private static final Money AMOUNT = Money.of("50000.00", "EUR");

    private AccountId acme;
    private ContactId ada;
    private final List<SalesEvent> events = new ArrayList<>();

    @BeforeEach
    void setUpAccount() {
        acme = crm.accounts().create(AccountDetails.named("Acme"));
        ada = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", "ada@example.com"));
        crm.events().subscribe(SalesEvent.class, events::add);
    }

    private OpportunityId create() {
        return crm.opportunities().create(NewOpportunity.of(acme, "Engines", AMOUNT, TODAY.plusMonths(2)));
    }

    @Test
    void aNewOpportunityStartsAtTheFirstStageWithItsProbabilityOwnedByTheActingUser() {
        LeadId lead = LeadId.of(UUID.randomUUID());
        OpportunityId id = crm.opportunities().create(NewOpportunity.of(acme, " Engines ", AMOUNT, TODAY)
                .withContact(ada).withSourceLead(lead));

        Opportunity o = crm.opportunities().get(id);
        assertThat(o.name()).isEqualTo("Engines");
        assertThat(o.account()).isEqualTo(acme);
        assertThat(o.contact()).isEqualTo(ada);
        assertThat(o.amount()).isEqualTo(AMOUNT);
        assertThat(o.closeDate()).isEqualTo(TODAY);
        assertThat(o.owner()).isEqualTo(UserId.of("rep-1"));
        assertThat(o.stage()).isEqualTo("Prospecting");
        assertThat(o.probability()).isEqualTo(10);
        assertThat(o.category()).isEqualTo(ForecastCategory.PIPELINE);
        assertThat(o.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(o.sourceLead()).isEqualTo(lead);
        assertThat(o.history()).singleElement().satisfies(h -> {
            assertThat(h.stage()).isEqualTo("Prospecting");
            assertThat(h.at()).isEqualTo(START);
            assertThat(h.by()).isEqualTo(UserId.of("rep-1"));
        });
        assertThat(crm.opportunities().ofAccount(acme)).extracting(Opportunity::id).containsExactly(id);
        assertThat(events).singleElement().isInstanceOf(SalesEvent.OpportunitySaved.class);
    }

    @Test
    void badInputNamesEveryFieldAndWritesNothing() {
        AccountId other = crm.accounts().create(AccountDetails.named("Other"));
        ContactId stranger = crm.contacts().create(ContactDetails.of(other, "Grace", "Hopper", null));
        events.clear();

        assertThatThrownBy(() -> crm.opportunities().create(new NewOpportunity(acme, stranger, " ",
                Money.of("-1.00", "EUR"), TODAY.minusDays(1), null, "Dreaming", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "amount", "closeDate", "contact", "stage"));
        assertThatThrownBy(() -> crm.opportunities().create(new NewOpportunity(null, null, "X", null, null, null,
                null, null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::field).containsExactlyInAnyOrder("account", "amount", "closeDate"));

        assertThat(crm.opportunities().ofAccount(acme)).isEmpty();
        assertThat(crm.opportunities().ofOwner(UserId.of("rep-1"), false)).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void aCloseDateInThePastIsRejectedEvenByOneDay() {
        assertThatThrownBy(() -> crm.opportunities().create(NewOpportunity.of(acme, "Late", AMOUNT,
                TODAY.minusDays(1)))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasErrorFor("closeDate")).isTrue());
    }

    @Test
    void movingThroughStagesKeepsATimestampedHistory() {
        OpportunityId id = create();
        clock.advance(Duration.ofDays(3));
        crm.opportunities().moveTo(id, "Proposal");
        clock.advance(Duration.ofDays(4));
        crm.teams().create("Sales", UserId.of("boss"), Set.of(UserId.of("rep-1"), UserId.of("rep-2")));
        crm.sharing().share(id, UserId.of("rep-2"));
        Opportunity o = as("rep-2").opportunities().moveTo(id, "Commit");

        assertThat(o.stage()).isEqualTo("Commit");
        assertThat(o.probability()).isEqualTo(90);
        assertThat(o.category()).isEqualTo(ForecastCategory.COMMIT);
        assertThat(o.history()).extracting(StageChange::stage, StageChange::at, StageChange::by).containsExactly(
                tuple("Prospecting", START, UserId.of("rep-1")),
                tuple("Proposal", START.plus(Duration.ofDays(3)), UserId.of("rep-1")),
                tuple("Commit", START.plus(Duration.ofDays(7)), UserId.of("rep-2")));
        assertThat(crm.opportunities().get(id)).isEqualTo(o);
        assertThat(events).filteredOn(SalesEvent.OpportunityStageChanged.class::isInstance)
                .extracting(e -> ((SalesEvent.OpportunityStageChanged) e).fromStage())
                .containsExactly("Prospecting", "Proposal");
    }

    @Test
    void aRepMayOverrideTheStagesProbabilityUntilTheNextMove() {
        OpportunityId id = create();
        assertThatThrownBy(() -> crm.opportunities().setProbability(id, 101))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("probability")).isTrue());
        Opportunity o = crm.opportunities().setProbability(id, 35);
        assertThat(o.probability()).isEqualTo(35);
        assertThat(o.stage()).isEqualTo("Prospecting");
        assertThat(o.history()).last().extracting(StageChange::note).isEqualTo("probability 10 -> 35 %");
        assertThat(crm.opportunities().moveTo(id, "Proposal").probability()).isEqualTo(50);
        crm.opportunities().closeLost(id, "no budget");
        assertThatThrownBy(() -> crm.opportunities().setProbability(id, 5))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anUnknownStageIsAValidationError() {
        OpportunityId id = create();
        assertThatThrownBy(() -> crm.opportunities().moveTo(id, "Closed Won"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("stage")).isTrue());
        assertThat(crm.opportunities().get(id).history()).hasSize(1);
    }

    @Test
    void closingWonRecordsTheReasonAndTheActualCloseDateAndIsFinal() {
        OpportunityId id = create();
        clock.advance(Duration.ofDays(10));
        Opportunity won = crm.opportunities().closeWon(id, "best price");

        assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(won.stage()).isEqualTo(SalesStages.WON.name());
        assertThat(won.probability()).isEqualTo(100);
        assertThat(won.category()).isEqualTo(ForecastCategory.CLOSED);
        assertThat(won.closeReason()).isEqualTo("best price");
        assertThat(won.closeDate()).isEqualTo(TODAY.plusDays(10));
        assertThat(won.history()).last().satisfies(h -> {
            assertThat(h.status()).isEqualTo(OpportunityStatus.WON);
            assertThat(h.note()).isEqualTo("best price");
        });

        assertThatThrownBy(() -> crm.opportunities().moveTo(id, "Proposal"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> crm.opportunities().closeLost(id, "changed mind"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> crm.opportunities().reopen(id, "Proposal", TODAY.plusMonths(1)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(crm.opportunities().get(id)).isEqualTo(won);
    }

    @Test
    void aLostOpportunityCanBeReopened() {
        OpportunityId id = create();
        Opportunity lost = crm.opportunities().closeLost(id, "no budget");
        assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(lost.probability()).isZero();
        assertThat(lost.category()).isEqualTo(ForecastCategory.OMITTED);
        assertThat(crm.opportunities().ofOwner(UserId.of("rep-1"), true)).isEmpty();

        Opportunity reopened = crm.opportunities().reopen(id, "Negotiation", TODAY.plusMonths(3));
        assertThat(reopened.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(reopened.closeReason()).isNull();
        assertThat(reopened.closeDate()).isEqualTo(TODAY.plusMonths(3));
        assertThat(reopened.probability()).isEqualTo(75);
        assertThat(reopened.history()).extracting(StageChange::status).containsExactly(OpportunityStatus.OPEN,
                OpportunityStatus.LOST, OpportunityStatus.OPEN);
        assertThat(crm.opportunities().ofOwner(UserId.of("rep-1"), true)).extracting(Opportunity::id)
                .containsExactly(id);
    }

    @Test
    void closingNeedsAReason() {
        OpportunityId id = create();
        assertThatThrownBy(() -> crm.opportunities().closeWon(id, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("reason")).isTrue());
        assertThat(crm.opportunities().get(id).status()).isEqualTo(OpportunityStatus.OPEN);
    }

    @Test
    void updatingChangesDetailsButNotTheStage() {
        OpportunityId id = create();
        Opportunity o = crm.opportunities().get(id);
        Opportunity changed = crm.opportunities().update(o, OpportunityDetails.of(o)
                .withAmount(Money.of("65000.00", "EUR")).withOwner(UserId.of("rep-2")));
        assertThat(changed.amount()).isEqualTo(Money.of("65000.00", "EUR"));
        assertThat(changed.owner()).isEqualTo(UserId.of("rep-2"));
        assertThat(changed.stage()).isEqualTo(o.stage());
        assertThat(crm.opportunities().ofOwner(UserId.of("rep-2"), true)).extracting(Opportunity::id)
                .containsExactly(id);
        assertThat(crm.opportunities().ofOwner(UserId.of("rep-1"), false)).isEmpty();
        assertThat(changed.history()).last().satisfies(h -> {
            assertThat(h.by()).isEqualTo(actor.user());
            assertThat(h.note()).isEqualTo("amount " + o.amount() + " -> 65000.00 EUR; owner rep-1 -> rep-2");
            assertThat(h.stage()).isEqualTo(o.stage());
        });
        assertThat(crm.opportunities().update(changed, OpportunityDetails.of(changed)))
                .as("no change, no write").isEqualTo(changed);

        assertThatThrownBy(() -> crm.opportunities().update(changed, OpportunityDetails.of(changed)
                .withCloseDate(TODAY.minusDays(2)))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasErrorFor("closeDate")).isTrue());
        assertThat(crm.opportunities().get(id)).isEqualTo(changed);
    }

    @Test
    void aKeptCloseDateMayLieInThePastWhenOtherFieldsChange() {
        OpportunityId id = create();
        clock.advance(Duration.ofDays(120));
        Opportunity o = crm.opportunities().get(id);
        Opportunity changed = crm.opportunities().update(o, OpportunityDetails.of(o)
                .withAmount(Money.of("1.00", "EUR")));
        assertThat(changed.closeDate()).isEqualTo(o.closeDate());
    }

    @Test
    void stagesComeFromTheConfiguredList() {
        Crm custom = Crm.builder().storage(storage()).clock(clock).actor(actor)
                .with(new SalesStages(List.of(new SalesStage("Discovery", 5, ForecastCategory.PIPELINE),
                        new SalesStage("Shortlisted", 60, ForecastCategory.BEST_CASE),
                        new SalesStage("Verbal yes", 95, ForecastCategory.COMMIT)))).build();
        OpportunityId id = custom.opportunities().create(NewOpportunity.of(acme, "Custom", AMOUNT, TODAY));
        assertThat(custom.opportunities().get(id).stage()).isEqualTo("Discovery");
        assertThat(custom.opportunities().get(id).probability()).isEqualTo(5);
        assertThat(custom.opportunities().moveTo(id, "Verbal yes").probability()).isEqualTo(95);
        assertThatThrownBy(() -> custom.opportunities().moveTo(id, "Proposal"))
                .isInstanceOf(ValidationException.class);
        assertThat(custom.opportunities().stageList().open()).extracting(SalesStage::name)
                .containsExactly("Discovery", "Shortlisted", "Verbal yes");
    }

    @Test
    void creationJoinsTheCallersWriteTransaction() {
        // Lead conversion creates the opportunity inside its own write: a failure after it undoes the opportunity.
        assertThatThrownBy(() -> storage().write(tenant, tx -> {
            crm.opportunities().create(NewOpportunity.of(acme, "Converted", AMOUNT, TODAY));
            assertThat(tx.opportunities().findByAccount(acme)).hasSize(1);
            throw new IllegalStateException("conversion failed later");
        })).hasMessage("conversion failed later");
        assertThat(crm.opportunities().ofAccount(acme)).isEmpty();
    }
}
