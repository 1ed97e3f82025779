package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.customer.PeopleQuery;
import dev.crmkit.core.lead.Conversion;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.sales.ForecastPeriod;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.OpportunityDetails;
import dev.crmkit.core.sales.ProductDetails;
import dev.crmkit.core.sales.QuoteDraft;
import dev.crmkit.core.sales.QuoteItem;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.Segment;
import dev.crmkit.core.segment.SegmentSize;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.sharing.SharingSettings;
import dev.crmkit.core.transfer.ImportRequest;
import dev.crmkit.core.transfer.ImportResult;
import dev.crmkit.core.transfer.ImportTarget;
import dev.crmkit.core.transfer.RowOutcome;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Record visibility on accounts and what belongs to them (contacts, opportunities, cases): a rep sees the accounts
 * they own, those whose account team they are on and those shared with them, and with an account everything of it; a
 * manager their teams' down the hierarchy; lists are filtered before paging; writes see what reads see.
 */
public abstract class AccountVisibilityContract extends ContractSupport {
    private static final UserId ANN = UserId.of("ann");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId MID = UserId.of("mid");

    private Crm ann;
    private Crm bob;

    @BeforeEach
    void teams() {
        crm.teams().create("Mid's", MID, Set.of(ANN));
        crm.teams().create("Others", UserId.of("other-boss"), Set.of(BOB));
        ann = as("ann");
        bob = as("bob");
    }

    private AccountId account(String name, UserId owner) {
        return crm.accounts().create(AccountDetails.named(name).withOwner(owner));
    }

    private ContactId contact(AccountId account, String lastName, UserId owner) {
        return crm.contacts().create(ContactDetails.of(account, "Pat", lastName, null).withOwner(owner));
    }

    private OpportunityId opportunity(AccountId account, String name, UserId owner) {
        return crm.opportunities().create(NewOpportunity.of(account, name, Money.of("100.00", "EUR"),
                LocalDate.of(2026, 3, 1)).withOwner(owner));
    }

    private Case openCase(ContactId contact, String subject, UserId owner) {
        return crm.cases().open(NewCase.from(contact, Channel.PHONE, subject).withOwner(owner));
    }

    private static List<String> accounts(Crm who) {
        return who.accounts().list(PageRequest.first(100)).items().stream().map(Account::name).toList();
    }

    private static List<String> contacts(Crm who) {
        return who.contacts().search(ContactQuery.all(), PageRequest.first(100)).items().stream()
                .map(c -> c.name().lastName()).toList();
    }

    @Test
    void aRepSeesTheirAccountsAndEverythingOfThemButNotAnotherRepsAccount() {
        AccountId acme = account("Acme", ANN);
        AccountId globex = account("Globex", BOB);
        ContactId wile = contact(acme, "Wile", ANN);
        ContactId hank = contact(globex, "Hank", BOB);
        OpportunityId engines = opportunity(globex, "Engines", BOB);
        Case broken = openCase(hank, "Broken", BOB);

        assertThat(accounts(ann)).containsExactly("Acme");
        assertThat(contacts(ann)).containsExactly("Wile");
        assertThat(ann.contacts().get(wile).name().lastName()).isEqualTo("Wile");
        assertThatThrownBy(() -> ann.accounts().get(globex)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.contacts().get(hank)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.opportunities().get(engines)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.cases().get(broken.id())).isInstanceOf(NotFoundException.class);
        assertThat(ann.cases().byTrackingNumber(broken.trackingNumber())).isEmpty();
        assertThat(ann.contacts().ofAccount(globex)).isEmpty();
        assertThat(ann.opportunities().ofAccount(globex)).isEmpty();
        assertThat(ann.opportunities().ofOwner(BOB, false)).isEmpty();
        assertThat(ann.cases().ofAccount(globex)).isEmpty();
        assertThat(ann.accounts().findByName("Globex")).isEmpty();
        assertThatThrownBy(() -> ann.accountTeams().overview(globex, PageRequest.first(5)))
                .isInstanceOf(NotFoundException.class);

        assertThat(accounts(bob)).containsExactly("Globex");
        assertThat(accounts(crm)).as("an ADMIN sees all").containsExactly("Acme", "Globex");
        assertThat(accounts(as("mid", Actor.MANAGER))).as("a manager sees their team's").containsExactly("Acme");
        assertThat(contacts(as("mid", Actor.MANAGER))).containsExactly("Wile");
    }

    @Test
    void theAccountTeamSeesTheAccountItsContactsDealsAndCases() {
        AccountId globex = account("Globex", BOB);
        ContactId hank = contact(globex, "Hank", BOB);
        OpportunityId engines = opportunity(globex, "Engines", BOB);
        Case broken = openCase(hank, "Broken", BOB);
        crm.customers().recordPurchase(NewPurchase.of(globex, hank, "ENG-1", 1, Money.of("10.00", "EUR")));
        assertThat(ann.customers().purchases(globex)).as("nothing of an account one does not see").isEmpty();
        assertThat(ann.customers().timeline(globex, PageRequest.first(10)).items()).isEmpty();

        crm.accountTeams().addMember(globex, ANN, "support engineer");

        assertThat(accounts(ann)).containsExactly("Globex");
        assertThat(contacts(ann)).containsExactly("Hank");
        assertThat(ann.opportunities().get(engines).name()).isEqualTo("Engines");
        assertThat(ann.cases().get(broken.id()).subject()).isEqualTo("Broken");
        assertThat(ann.cases().byTrackingNumber(broken.trackingNumber())).isPresent();
        assertThat(ann.customers().purchases(globex)).hasSize(1);
        assertThat(ann.accountTeams().overview(globex, PageRequest.first(5)).opportunities())
                .extracting(Opportunity::name).containsExactly("Engines");
        assertThat(as("mid", Actor.MANAGER).accounts().get(globex).name())
                .as("the manager of a team member on the account team sees it too").isEqualTo("Globex");

        crm.accountTeams().removeMember(globex, ANN);
        assertThat(accounts(ann)).isEmpty();
    }

    @Test
    void sharingAnAccountSharesWhatBelongsToIt() {
        AccountId globex = account("Globex", BOB);
        ContactId hank = contact(globex, "Hank", BOB);
        OpportunityId engines = opportunity(globex, "Engines", BOB);

        assertThat(bob.sharing().share(globex, ANN)).isTrue();

        assertThat(ann.accounts().get(globex).name()).isEqualTo("Globex");
        assertThat(ann.contacts().get(hank).name().lastName()).isEqualTo("Hank");
        assertThat(ann.opportunities().ofAccount(globex)).extracting(Opportunity::id).containsExactly(engines);
        assertThat(bob.sharing().shares(globex)).extracting(s -> s.user()).containsExactly(ANN);
    }

    @Test
    void aRecordOwnedByTheRepIsSeenUnderAnAccountTheyDoNotSee() {
        AccountId globex = account("Globex", BOB);
        ContactId mine = contact(globex, "Mine", ANN);
        OpportunityId deal = opportunity(globex, "Annsdeal", ANN);

        assertThat(contacts(ann)).containsExactly("Mine");
        assertThat(ann.opportunities().get(deal).name()).isEqualTo("Annsdeal");
        assertThat(ann.contacts().ofAccount(globex)).extracting(Contact::id).containsExactly(mine);
        assertThatThrownBy(() -> ann.accounts().get(globex)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPageAndItsTotalCountOnlyWhatTheReaderSees() {
        AccountId globex = account("Globex", BOB);
        AccountId acme = account("Acme", ANN);
        for (int i = 0; i < 6; i++) {
            contact(globex, "Bob" + (char) ('a' + i), BOB);
        }
        for (int i = 0; i < 3; i++) {
            contact(acme, "Ann" + (char) ('a' + i), ANN);
        }
        account("Initech", BOB);
        account("Umbrella", ANN);

        var contacts = ann.contacts().search(ContactQuery.all(), PageRequest.first(2));
        assertThat(contacts.items()).extracting(c -> c.name().lastName()).containsExactly("Anna", "Annb");
        assertThat(contacts.total()).isEqualTo(3);
        var accounts = ann.accounts().list(PageRequest.first(1));
        assertThat(accounts.items()).extracting(Account::name).containsExactly("Acme");
        assertThat(accounts.total()).isEqualTo(2);
        assertThat(ann.contacts().countPeople(PeopleQuery.all(), GroupField.OWNER))
                .containsEntry("ann", 3L).doesNotContainKey("bob");
        assertThat(ann.contacts().people(PeopleQuery.all(), PageRequest.first(50)).total()).isEqualTo(3);
    }

    @Test
    void writesSeeWhatReadsSee() {
        AccountId globex = account("Globex", BOB);
        ContactId hank = contact(globex, "Hank", BOB);
        OpportunityId engines = opportunity(globex, "Engines", BOB);
        Case broken = openCase(hank, "Broken", BOB);
        Account read = crm.accounts().get(globex);
        Opportunity deal = crm.opportunities().get(engines);

        assertThatThrownBy(() -> ann.accounts().update(read, AccountDetails.named("Mine now").withOwner(ANN)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.contacts().markKeyDecisionMaker(hank, true))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.opportunities().closeWon(deal, "mine"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.opportunities().update(deal, new OpportunityDetails("Engines", null,
                Money.of("1.00", "EUR"), deal.closeDate(), ANN))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.cases().assign(broken, ANN)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.accountTeams().addMember(globex, ANN, "me"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.opportunities().create(NewOpportunity.of(globex, "Sneaky",
                Money.of("1.00", "EUR"), LocalDate.of(2026, 3, 1))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("account"));
        assertThatThrownBy(() -> ann.contacts().create(ContactDetails.of(globex, "Pat", "Sneaky", null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("account");

        assertThat(crm.accounts().get(globex).name()).isEqualTo("Globex");
        assertThat(crm.opportunities().get(engines).amount()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(crm.opportunities().get(engines).isOpen()).isTrue();
        assertThat(crm.cases().get(broken.id()).owner()).isEqualTo(BOB);
        assertThat(crm.contacts().get(hank).keyDecisionMaker()).isFalse();
    }

    @Test
    void aRepMayNotGiveTheirRecordsAwayAndAnEditWithoutOwnerKeepsIt() {
        AccountId acme = account("Acme", ANN);
        OpportunityId deal = opportunity(acme, "Deal", ANN);
        Account read = ann.accounts().get(acme);
        Opportunity o = ann.opportunities().get(deal);

        assertThatThrownBy(() -> ann.accounts().update(read, AccountDetails.named("Acme").withOwner(BOB)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ann.opportunities().update(o, new OpportunityDetails("Deal", null,
                o.amount(), o.closeDate(), BOB))).isInstanceOf(AccessDeniedException.class);
        assertThat(ann.accounts().update(read, AccountDetails.named("Acme Corp")).owner())
                .as("no owner named: the owner stays").isEqualTo(ANN);
        Account renamed = crm.accounts().get(acme);
        assertThat(as("mid", Actor.MANAGER).accounts().update(renamed, AccountDetails.named("Acme Corp")
                .withOwner(BOB)).owner()).as("a manager may").isEqualTo(BOB);
    }

    @Test
    void aRoleCanSeeEveryRecordOfAKind() {
        AccountId globex = account("Globex", BOB);
        ContactId hank = contact(globex, "Hank", BOB);
        Case broken = openCase(hank, "Broken", BOB);
        Crm desk = crmWith(SharingSettings.defaults().seenByRole("Case", "SERVICE_AGENT"));

        Crm agent = desk.as(new Actor(tenant, ANN, Set.of("SERVICE_AGENT")));
        Crm mid = desk.as(new Actor(tenant, MID, Set.of()));
        assertThat(agent.cases().get(broken.id()).subject()).isEqualTo("Broken");
        assertThatThrownBy(() -> mid.cases().get(broken.id())).as("without the role")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> agent.accounts().get(globex)).as("the role opens cases, not accounts")
                .isInstanceOf(NotFoundException.class);

        assertThat(agent.cases().assign(broken, ANN).owner()).isEqualTo(ANN);
        assertThat(mid.cases().get(broken.id()).owner()).as("now ann's, whom mid manages").isEqualTo(ANN);
    }

    @Test
    void aHiddenAccountIsNotFoundJustAsAMissingOne() {
        AccountId globex = account("Globex", BOB);
        AccountId missing = AccountId.of(UUID.randomUUID());

        Throwable hidden = catchThrowable(() -> ann.accounts().get(globex));
        Throwable absent = catchThrowable(() -> ann.accounts().get(missing));
        assertThat(hidden).isInstanceOf(NotFoundException.class);
        assertThat(hidden.getMessage()).isEqualTo(absent.getMessage().replace(missing.toString(),
                globex.toString()));
        Account read = crm.accounts().get(globex);
        assertThatThrownBy(() -> ann.accounts().update(globex, read.version() + 3, AccountDetails.named("X")))
                .as("a stale version of a hidden account is not found either").isInstanceOf(NotFoundException.class);
    }

    @Test
    void quotesOrdersAndForecastsAreSeenWithTheirOpportunity() {
        AccountId globex = account("Globex", BOB);
        OpportunityId engines = opportunity(globex, "Engines", BOB);
        AccountId acme = account("Acme", ANN);
        opportunity(acme, "Looms", ANN);
        ProductId engine = crm.products().create(ProductDetails.of("ENG-1", "Difference Engine"));
        crm.products().createPriceBook("Europe", "EUR");
        crm.products().setListPrice(engine, Money.of("1999.99", "EUR"));
        QuoteId quote = crm.quotes().create(engines, QuoteDraft.of(List.of(QuoteItem.of(engine, 1))));
        crm.quotes().send(quote);
        OrderId order = crm.quotes().accept(quote);
        String number = crm.quotes().get(quote).number();

        assertThatThrownBy(() -> ann.quotes().get(quote)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.quotes().html(quote)).isInstanceOf(NotFoundException.class);
        assertThat(ann.quotes().findByNumber(number)).isEmpty();
        assertThat(ann.quotes().ofOpportunity(engines)).isEmpty();
        assertThatThrownBy(() -> ann.quotes().create(engines, QuoteDraft.of(List.of(QuoteItem.of(engine, 2)))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.orders().get(order)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.orders().confirm(order)).isInstanceOf(NotFoundException.class);
        assertThat(ann.orders().ofAccount(globex)).isEmpty();
        ForecastPeriod q1 = ForecastPeriod.quarter(2026, 1);
        assertThat(ann.forecasts().forPeriod(q1).in("EUR").opportunities()).isEqualTo(1);
        assertThat(ann.forecasts().forOwner(BOB, q1).in("EUR").opportunities()).isZero();
        assertThat(crm.forecasts().forPeriod(q1).in("EUR").opportunities()).isEqualTo(2);

        crm.accountTeams().addMember(globex, ANN, "account manager");
        assertThat(ann.quotes().get(quote).number()).isEqualTo(number);
        assertThat(ann.orders().confirm(order).id()).isEqualTo(order);
        assertThat(ann.forecasts().forPeriod(q1).in("EUR").opportunities()).isEqualTo(2);
    }

    @Test
    void aSegmentListsAndCountsOnlyTheMembersTheReaderSees() {
        AccountId globex = account("Globex", BOB);
        contact(globex, "Hank", BOB);
        AccountId acme = account("Acme", ANN);
        ContactId wile = contact(acme, "Wile", ANN);
        SegmentId people = crm.segments().create("Everyone", SegmentTarget.CONTACT, Criteria.all());
        SegmentId companies = crm.segments().create("Companies", SegmentTarget.ACCOUNT, Criteria.all());

        var page = ann.segments().members(people, PageRequest.first(10));
        assertThat(page.items()).containsExactly(wile);
        assertThat(page.total()).isEqualTo(1);
        assertThat(ann.segments().count(people)).isEqualTo(1);
        assertThat(ann.segments().members(companies, PageRequest.first(10)).items()).containsExactly(acme);
        assertThat(ann.segments().count(SegmentTarget.ACCOUNT, Criteria.all())).isEqualTo(1);
        assertThat(ann.segments().listWithSizes()).extracting(SegmentSize::members).containsExactly(1L, 1L);
        assertThat(crm.segments().count(people)).as("an ADMIN counts all").isEqualTo(2);

        crm.accountTeams().addMember(globex, ANN, "support");
        assertThat(ann.segments().count(people)).isEqualTo(2);
        Segment read = ann.segments().get(people);
        assertThatThrownBy(() -> ann.segments().update(read, "Mine", Criteria.all()))
                .as("another's segment").isInstanceOf(AccessDeniedException.class);
        assertThat(crm.segments().get(people).name()).isEqualTo("Everyone");
    }

    @Test
    void aManagersExportHoldsTheRecordsTheySee() {
        AccountId globex = account("Globex", BOB);
        contact(globex, "Hank", BOB);
        AccountId acme = account("Acme", ANN);
        contact(acme, "Wile", ANN);
        Crm mid = as("mid", Actor.MANAGER);

        StringWriter contacts = new StringWriter();
        assertThat(mid.exports().csv(ImportTarget.CONTACT, contacts)).isEqualTo(1);
        assertThat(contacts.toString()).contains("Wile").doesNotContain("Hank");
        StringWriter accounts = new StringWriter();
        assertThat(mid.exports().csv(ImportTarget.ACCOUNT, accounts)).isEqualTo(1);
        assertThat(accounts.toString()).contains("Acme").doesNotContain("Globex");
        assertThat(crm.exports().csv(ImportTarget.CONTACT, new StringWriter())).as("an ADMIN's").isEqualTo(2);
    }

    @Test
    void whoSeesAnAccountThroughItsTeamMayShareItAndARepEditsTheirContactUnderAnotherAccount() {
        AccountId globex = account("Globex", BOB);
        ContactId mine = contact(globex, "Mine", ANN);
        crm.accountTeams().addMember(globex, MID, "lead");
        Crm mid = as("mid", Actor.MANAGER);

        assertThat(mid.sharing().share(globex, ANN)).as("a manager on the account team shares it").isTrue();
        assertThat(ann.accounts().get(globex).name()).isEqualTo("Globex");
        mid.sharing().unshare(globex, ANN);

        Contact read = ann.contacts().get(mine);
        assertThat(ann.contacts().update(read, ContactDetails.of(globex, "Pat", "Mine", "pat.mine@example.com"))
                .points().email().value()).as("the account stays, so it is not checked again")
                .isEqualTo("pat.mine@example.com");
    }

    @Test
    void aLeadSharedWithARepConvertsIntoAnAccountSharedWithThem() {
        LeadId bobs = crm.leads().capture(NewLead.of("Wile", "Coyote", "wile@acme.example").company("Acme")
                .owner(BOB));
        crm.sharing().share(bobs, ANN);
        ann.leads().qualify(bobs);

        Conversion done = ann.leads().convert(bobs, ConvertLead.automatically());

        assertThat(ann.accounts().get(done.account()).owner()).as("its owner's, as the lead").isEqualTo(BOB);
        assertThat(ann.contacts().get(done.contact()).name().lastName()).isEqualTo("Coyote");
        assertThat(as("other-boss", Actor.MANAGER).accounts().get(done.account()).name()).isEqualTo("Acme");
    }

    @Test
    void aCaseIsNotOpenedForAContactOneDoesNotSeeAndPurchasesGoWithTheirAccount() {
        AccountId globex = account("Globex", BOB);
        ContactId hank = contact(globex, "Hank", BOB);
        ContactId mine = contact(globex, "Mine", ANN);
        crm.customers().recordPurchase(NewPurchase.of(globex, mine, "ENG", 1, Money.of("10.00", "EUR")));

        assertThatThrownBy(() -> ann.cases().open(NewCase.from(hank, Channel.PHONE, "Broken")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("contact");
        assertThat(crm.customers().purchases(mine)).hasSize(1);
        assertThat(ann.customers().purchases(mine)).as("a purchase of an account ann does not see").isEmpty();
        assertThat(ann.customers().timeline(mine, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void anImportDoesNotCreateTwiceAContactItsImporterDoesNotSee() {
        AccountId globex = account("Globex", BOB);
        crm.contacts().create(ContactDetails.of(globex, "Hank", "Scorpio", "hank@globex.example").withOwner(BOB));
        String csv = "Given name,Surname,E-mail\nHank,Scorpio,hank@globex.example\n";

        ImportResult result = as("ann", Actor.MANAGER).imports().run(ImportRequest.csv(ImportTarget.CONTACT),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.created()).isZero();
        assertThat(result.rows().get(0).action()).isEqualTo(RowOutcome.Action.SKIPPED);
        assertThat(result.rows().get(0).record()).isNull();
        assertThat(crm.contacts().search(ContactQuery.all(), PageRequest.first(10)).total()).isEqualTo(1);
    }
}
