package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PriceBookId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.contract.IdOrderContract;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.sales.AccountTeam;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.OpportunityStatus;
import dev.crmkit.core.sales.ForecastCategory;
import dev.crmkit.core.sales.SalesStages;
import dev.crmkit.core.sales.Order;
import dev.crmkit.core.sales.PriceBook;
import dev.crmkit.core.sales.Product;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.TeamMember;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.testkit.Samples;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The sales repositories behave as the in-memory adapter's for what its contract does not pin down. Lookups list
 * equal keys (same close date, same creation time, teams of one member) in the same order as
 * the in-memory adapter: both break ties by id, unsigned ({@link dev.crmkit.core.common.EntityId#compare}), which
 * ids on both sides of the sign bit tell from the signed {@link UUID#compareTo}. And free text the services accept
 * at any length is stored at any length.
 */
abstract class SalesParity {
    private static final UserId REP = UserId.of("rep-7");

    protected abstract Storage storage();

    private final TenantId tenant = TenantId.of("parity-" + UUID.randomUUID());
    private final InMemoryStorage memory = InMemoryStorage.create();

    /** Runs {@code work} (which must save the same aggregates each time) in both storages. */
    private void saveInBoth(Function<StorageTx, Object> work) {
        memory.write(tenant, work);
        storage().write(tenant, work);
    }

    private <T> void assertSameIn(Function<StorageTx, List<T>> query) {
        List<T> expected = memory.read(tenant, query);
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(storage().read(tenant, query)).containsExactlyElementsOf(expected);
    }

    @Test
    void opportunitiesClosingOnTheSameDayAreListedAsInMemory() {
        AccountId account = AccountId.of(UUID.randomUUID());
        Opportunity sample = Samples.opportunity(OpportunityId.of(UUID.randomUUID()), account, null, REP);
        List<UUID> ids = IdOrderContract.mixedIds(8);
        saveInBoth(tx -> {
            for (UUID id : ids) {
                tx.opportunities().save(new Opportunity(OpportunityId.of(id), 0, account, null, sample.name(),
                        sample.amount(), sample.closeDate(), REP, sample.stage(), sample.probability(),
                        sample.category(), sample.status(), null, null, List.of(), sample.createdAt(),
                        sample.updatedAt()));
            }
            return null;
        });
        assertSameIn(tx -> tx.opportunities().findByAccount(account));
        assertSameIn(tx -> tx.opportunities().findByOwner(REP));
        assertSameIn(tx -> tx.opportunities().findClosingBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
    }

    @Test
    void quotesAndOrdersCreatedAtTheSameTimeAreListedAsInMemory() {
        AccountId account = AccountId.of(UUID.randomUUID());
        OpportunityId opportunity = OpportunityId.of(UUID.randomUUID());
        ProductId product = ProductId.of(UUID.randomUUID());
        List<Quote> quotes = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        for (UUID id : IdOrderContract.mixedIds(8)) {
            Quote q = Samples.quote(QuoteId.of(id), "Q-" + id, opportunity, account, null, product);
            quotes.add(q);
            orders.add(Samples.order(OrderId.of(id), "O-" + id, q.id(), opportunity, account, null, product));
        }
        saveInBoth(tx -> {
            quotes.forEach(tx.quotes()::save);
            orders.forEach(tx.orders()::save);
            return null;
        });
        assertSameIn(tx -> tx.quotes().findByOpportunity(opportunity));
        assertSameIn(tx -> tx.orders().findByAccount(account));
    }

    @Test
    void teamsOfAMemberAreListedByAccountIdAsInMemory() {
        List<UUID> ids = IdOrderContract.mixedIds(8);
        saveInBoth(tx -> {
            for (UUID id : ids) {
                tx.accountTeams().save(new AccountTeam(AccountId.of(id), 0,
                        List.of(new TeamMember(REP, "account executive", Samples.T0)), Samples.T0));
            }
            return null;
        });
        assertSameIn(tx -> tx.accountTeams().findByMember(REP));
    }

    @Test
    void productsAreListedByCodeAsInMemory() {
        List<Product> products = new ArrayList<>();
        for (String code : List.of("eng-2", "ENG-10", "ENG-2", "ENG_1", "Z", "ÄRGER", "a b")) {
            products.add(Samples.product(ProductId.of(UUID.randomUUID()), code));
        }
        saveInBoth(tx -> {
            products.forEach(tx.products()::save);
            return null;
        });
        assertSameIn(tx -> tx.products().list(PageRequest.first(100)).items());
        assertSameIn(tx -> tx.products().list(new PageRequest(1, 3)).items());
    }

    @Test
    void longFreeTextIsStoredWhole() {
        String longText = "x".repeat(5000);
        Opportunity sample = Samples.opportunity(OpportunityId.of(UUID.randomUUID()),
                AccountId.of(UUID.randomUUID()), null, REP);
        Opportunity opportunity = new Opportunity(sample.id(), 0, sample.account(), null, longText, sample.amount(),
                sample.closeDate(), REP, longText, sample.probability(), sample.category(), sample.status(), null,
                null, sample.history(), sample.createdAt(), sample.updatedAt());
        // a close reason belongs to a closed opportunity
        Opportunity lost = new Opportunity(OpportunityId.of(UUID.randomUUID()), 0, sample.account(), null, "lost",
                sample.amount(), sample.closeDate(), REP, SalesStages.LOST.name(), 0, ForecastCategory.OMITTED,
                OpportunityStatus.LOST, longText, null, sample.history(), sample.createdAt(), sample.updatedAt());
        Product product = new Product(ProductId.of(UUID.randomUUID()), 0, "LONG-1", longText, longText, true,
                Samples.T0, Samples.T0);
        PriceBook book = Samples.priceBook(PriceBookId.of(UUID.randomUUID()), product.id(), "CHF");
        PriceBook longBook = new PriceBook(book.id(), 0, longText, book.currency(), book.listPrices(),
                book.createdAt(), book.updatedAt());
        saveInBoth(tx -> {
            tx.opportunities().save(opportunity);
            tx.opportunities().save(lost);
            tx.products().save(product);
            tx.priceBooks().save(longBook);
            return null;
        });
        assertSameIn(tx -> List.<Object>of(tx.opportunities().get(opportunity.id()), tx.opportunities().get(lost.id()),
                tx.products().get(product.id()), tx.priceBooks().get(book.id())));
    }
}
