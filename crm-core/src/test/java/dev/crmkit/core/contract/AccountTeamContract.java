package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.customer.TimelineEntry;
import dev.crmkit.core.sales.AccountOverview;
import dev.crmkit.core.sales.AccountTeam;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.SalesEvent;
import dev.crmkit.core.sales.TeamMember;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Account management through {@code AccountTeamService}: teams with roles, a rep's accounts, the overview. */
public abstract class AccountTeamContract extends ContractSupport {
    private static final UserId REP2 = UserId.of("rep-2");
    private static final UserId REP3 = UserId.of("rep-3");

    private AccountId acme;
    private final List<SalesEvent> events = new ArrayList<>();

    @BeforeEach
    void setUpAccount() {
        acme = crm.accounts().create(AccountDetails.named("Acme"));
        crm.events().subscribe(SalesEvent.class, events::add);
    }

    @Test
    void severalRepsWorkOneAccountEachInARole() {
        assertThat(crm.accountTeams().team(acme).members()).isEmpty();
        crm.accountTeams().addMember(acme, REP2, " account executive ");
        clock.advance(Duration.ofDays(1));
        crm.accountTeams().addMember(acme, REP3, "sales engineer");
        AccountTeam team = crm.accountTeams().addMember(acme, REP2, "account manager");

        assertThat(team.members()).extracting(TeamMember::user, TeamMember::role, TeamMember::since).containsExactly(
                tuple(REP2, "account manager", START),
                tuple(REP3, "sales engineer", START.plus(Duration.ofDays(1))));
        assertThat(crm.accountTeams().team(acme)).isEqualTo(team);
        assertThat(crm.accountTeams().accountsOf(REP3)).containsExactly(acme);
        assertThat(crm.accountTeams().works(acme, REP3)).isTrue();
        assertThat(crm.accountTeams().works(acme, UserId.of("rep-1"))).isTrue(); // the owner
        assertThat(crm.accountTeams().works(acme, UserId.of("rep-9"))).isFalse();
        assertThat(events).hasSize(3).allMatch(SalesEvent.AccountTeamChanged.class::isInstance);
    }

    @Test
    void removingAMemberTakesTheAccountOffTheirList() {
        AccountId other = crm.accounts().create(AccountDetails.named("Other"));
        crm.accountTeams().addMember(acme, REP2, "account executive");
        crm.accountTeams().addMember(other, REP2, "account executive");
        assertThat(crm.accountTeams().accountsOf(REP2)).containsExactlyInAnyOrder(acme, other);

        AccountTeam team = crm.accountTeams().removeMember(acme, REP2);
        assertThat(team.members()).isEmpty();
        assertThat(crm.accountTeams().accountsOf(REP2)).containsExactly(other);
        events.clear();
        assertThat(crm.accountTeams().removeMember(acme, REP2)).isEqualTo(team);
        assertThat(events).isEmpty();
    }

    @Test
    void onlyAManagerOrTheAccountOwnerChangesTheTeam() {
        Crm rep = as("rep-2");
        assertThatThrownBy(() -> rep.accountTeams().addMember(acme, REP2, "self-appointed"))
                .as("an account one does not see").isInstanceOf(NotFoundException.class);
        crm.teams().create("Sales", UserId.of("boss"), Set.of(REP2));
        crm.sharing().share(acme, REP2);
        assertThatThrownBy(() -> rep.accountTeams().addMember(acme, REP2, "self-appointed"))
                .as("one seen, neither owned nor managed").isInstanceOf(AccessDeniedException.class);
        assertThat(crm.accountTeams().team(acme).members()).isEmpty();

        AccountId own = rep.accounts().create(AccountDetails.named("Rep two's account"));
        assertThat(rep.accountTeams().addMember(own, REP3, "sales engineer").members()).hasSize(1);
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> crm.accountTeams().addMember(acme, null, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("user", "role"));
        AccountId unknown = AccountId.of(UUID.randomUUID());
        assertThatThrownBy(() -> crm.accountTeams().addMember(unknown, REP2, "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.accountTeams().team(unknown)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theOverviewShowsTeamDecisionMakersDealsAndHistory() {
        crm.accountTeams().addMember(acme, REP2, "account executive");
        ContactId ada = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", "ada@example.com"));
        crm.contacts().create(ContactDetails.of(acme, "Grace", "Hopper", null));
        crm.contacts().markKeyDecisionMaker(ada, true);
        crm.opportunities().create(NewOpportunity.of(acme, "Engines", Money.of("1000.00", "EUR"),
                LocalDate.of(2026, 2, 1)));
        clock.advance(Duration.ofHours(1));
        crm.customers().recordPurchase(NewPurchase.of(acme, ada, "ENG-1", 1, Money.of("10.00", "EUR")));

        AccountOverview o = crm.accountTeams().overview(acme, PageRequest.first(5));
        assertThat(o.account().id()).isEqualTo(acme);
        assertThat(o.team()).extracting(TeamMember::user).containsExactly(REP2);
        assertThat(o.keyDecisionMakers()).extracting(Contact::id).containsExactly(ada);
        assertThat(o.opportunities()).extracting(Opportunity::name).containsExactly("Engines");
        assertThat(o.orders()).isEmpty();
        assertThat(o.purchases()).hasSize(1);
        assertThat(o.recentActivity().items()).extracting(TimelineEntry::kind)
                .containsExactly(TimelineEntry.Kind.PURCHASE);
    }
}
