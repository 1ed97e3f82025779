package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.ContractTerms;
import dev.crmkit.core.service.CustomerView;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.service.ServiceContract;
import dev.crmkit.core.service.ServiceSettings;
import dev.crmkit.core.tracking.RepInteraction;
import dev.crmkit.core.tracking.Touchpoint;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's customer view through {@code AgentViewService}. */
public abstract class AgentViewContract extends ServiceContractSupport {

    /** Shows two recent items, so the test sees the cut. */
    private Crm agent() {
        return crmWith(new ServiceSettings("CS", Duration.ofDays(14), Map.of(), null, 2));
    }

    private Case open;
    private Case resolved;
    private ServiceContract gold;

    private void history() {
        gold = goldContract();
        crm.serviceContracts().create(ContractTerms.of(acme, "Old", LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31), levels()));
        for (int i = 1; i <= 3; i++) {
            clock.advance(Duration.ofHours(1));
            crm.customers().recordPurchase(NewPurchase.of(null, ada, "ENG-" + i, 1, Money.of("10.00", "EUR")));
            crm.tracking().logCall(RepInteraction.withContact(ada, 60 * i, "call " + i, null));
        }
        open = crm.cases().open(NewCase.from(ada, Channel.PHONE, "open"));
        resolved = crm.cases().open(NewCase.from(ada, Channel.PHONE, "resolved"));
        crm.cases().resolve(resolved.id(), "done");
    }

    private void assertFullView(CustomerView view) {
        assertThat(view.contact().id()).isEqualTo(ada);
        assertThat(view.account().id()).isEqualTo(acme);
        assertThat(view.openCases()).extracting(Case::id).containsExactly(open.id());
        assertThat(view.activeContracts()).extracting(ServiceContract::id).containsExactly(gold.id());
        assertThat(view.recentPurchases()).extracting(Purchase::productCode).containsExactly("ENG-3", "ENG-2");
        assertThat(view.lastInteractions()).extracting(Touchpoint::outcome).containsExactly("call 3", "call 2");
    }

    @Test
    void aPhoneNumberGivesEverythingTheAgentNeeds() {
        history();
        CustomerView view = agent().agentView().byPhone("020 7946 0958", "GB").orElseThrow();
        assertFullView(view);
        assertThat(view.matchedCase()).isNull();
        assertThat(view.otherMatches()).isEmpty();
        assertFullView(agent().agentView().lookup("+44 20 7946 0958").orElseThrow());
    }

    @Test
    void anEmailAddressOrATrackingNumberFindTheSameCustomer() {
        history();
        assertFullView(agent().agentView().lookup("ADA@example.com").orElseThrow());
        CustomerView byCase = agent().agentView().lookup(resolved.trackingNumber().toLowerCase()).orElseThrow();
        assertFullView(byCase);
        assertThat(byCase.matchedCase().id()).isEqualTo(resolved.id());
    }

    @Test
    void sharedNumbersListTheOtherContactsAndAccountCasesCountToo() {
        AccountId other = crm.accounts().create(AccountDetails.named("Other"));
        ContactId husband = crm.contacts().create(ContactDetails.of(other, "William", "King", null)
                .withPhone("+44 20 7946 0958"));
        Case accountCase = crm.cases().open(new NewCase(null, acme, null, null, null, null, null, null, Channel.WEB,
                "From the web form", null, null));
        CustomerView view = crm.agentView().lookup("+44 20 7946 0958").orElseThrow();
        assertThat(view.contact().id()).isEqualTo(ada);
        assertThat(view.otherMatches()).extracting(c -> c.id()).containsExactly(husband);
        assertThat(view.openCases()).extracting(Case::id).containsExactly(accountCase.id());
        assertThat(view.lastInteractions()).isEmpty();
    }

    @Test
    void unknownCallersGiveNothingAndMalformedInputNamesTheField() {
        assertThat(crm.agentView().lookup("+1 415 555 2671")).isEmpty();
        assertThat(crm.agentView().lookup("nobody@example.com")).isEmpty();
        assertThat(crm.agentView().lookup("CS-2026-999999")).isEmpty();
        assertThatThrownBy(() -> crm.agentView().lookup("12"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("phone")).isTrue());
        assertThatThrownBy(() -> crm.agentView().lookup("a@"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("email")).isTrue());
        assertThatThrownBy(() -> crm.agentView().lookup(" "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("query")).isTrue());
    }
}
