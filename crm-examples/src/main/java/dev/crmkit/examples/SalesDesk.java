package dev.crmkit.examples;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.sales.AccountOverview;
import dev.crmkit.core.sales.ForecastCategory;
import dev.crmkit.core.sales.ForecastPeriod;
import dev.crmkit.core.sales.ForecastTotals;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.Order;
import dev.crmkit.core.sales.ProductDetails;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.QuoteChange;
import dev.crmkit.core.sales.QuoteDraft;
import dev.crmkit.core.sales.QuoteItem;
import dev.crmkit.core.sales.QuoteSender;
import dev.crmkit.core.storage.Storage;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The quickstart's customer buys more: account team, an opportunity through its stages, a quote with a discount
 * that needs a manager's approval, sending through the host's sender, acceptance into an order, delivery into the
 * customer's purchase history, and the rep's forecast.
 */
final class SalesDesk {
    private SalesDesk() {
    }

    static void walk(Storage storage, Actor manager, AccountId account, ContactId contact, PrintStream out) {
        // The host delivers quotes (email, PDF); here it prints what would go out.
        QuoteSender printer = q -> out.println("  -> sending " + q.quote().number() + " revision "
                + q.quote().revision() + " to " + q.recipient() + " (" + q.html().length() + " chars of HTML)");
        Crm boss = Crm.builder().storage(storage).actor(manager).with(printer).build();
        Crm alice = boss.as(new Actor(manager.tenant(), UserId.of("alice"), Set.of()));

        boss.accountTeams().addMember(account, UserId.of("alice"), "account executive");
        boss.accountTeams().addMember(account, UserId.of("sam"), "sales engineer");

        // Catalog: products with list prices in the customer's currency.
        ProductId engine = boss.products().create(ProductDetails.of("ENG-2", "Analytical Engine")
                .withDescription("Programmable, with a mill and a store"));
        ProductId cards = boss.products().create(ProductDetails.of("CARD-100", "Punched cards, box of 100"));
        boss.products().createPriceBook("United Kingdom", "GBP");
        boss.products().setListPrice(engine, Money.of("12500.00", "GBP"));
        boss.products().setListPrice(cards, Money.of("19.90", "GBP"));

        // Alice works the deal through the stages.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        OpportunityId deal = alice.opportunities().create(NewOpportunity.of(account, "Analytical Engine",
                Money.of("25000.00", "GBP"), today.plusWeeks(6)).withContact(contact));
        alice.opportunities().moveTo(deal, "Proposal");

        // She quotes 2 engines at 15 % off: above the 10 % threshold, so a manager must approve before sending.
        // The customer's special instructions, per line and for the whole order, end up on the purchases.
        QuoteId quote = alice.quotes().create(deal, QuoteDraft.of(List.of(QuoteItem.of(engine, 2, "15")
                .withSpecialInstructions("Engrave \"For Ada\" on the mill"), QuoteItem.of(cards, 10)))
                .withTaxRate("20").withNotes("Installation included")
                .withSpecialInstructions("Deliver to the goods entrance\nCall an hour ahead"));
        try {
            alice.quotes().send(quote);
        } catch (IllegalTransitionException e) {
            out.println("quote not sent yet: " + e.getMessage());
        }
        alice.quotes().requestApproval(quote);
        boss.quotes().approve(quote);
        Quote sent = alice.quotes().send(quote);
        out.println("quote " + sent.number() + ": subtotal " + sent.totals().subtotal() + ", tax "
                + sent.totals().tax() + ", total " + sent.totals().total());
        for (QuoteChange c : sent.history()) {
            out.printf("  %s %-18s by %s%s%n", c.at(), c.action(), c.by(), c.detail() == null ? "" : ": "
                    + c.detail());
        }

        // The customer accepts: the quote becomes an order, which is confirmed, shipped and delivered.
        alice.opportunities().moveTo(deal, "Commit");
        OrderId orderId = alice.quotes().accept(quote);
        alice.orders().confirm(orderId);
        alice.orders().ship(orderId, "Royal Mail RM123");
        Order delivered = alice.orders().deliver(orderId);
        alice.opportunities().closeWon(deal, "accepted quote " + sent.number());
        out.println("order " + delivered.number() + " " + delivered.status() + ", purchases recorded:");
        for (Purchase p : alice.customers().purchases(account)) {
            out.println("  " + p.quantity() + " x " + p.productCode() + " at " + p.unitPrice() + " (order "
                    + p.orderReference() + ")");
            if (p.specialInstructions() != null) {
                p.specialInstructions().lines().forEach(line -> out.println(("    | " + line).stripTrailing()));
            }
        }

        ForecastTotals forecast = alice.forecasts().forOwner(UserId.of("alice"), ForecastPeriod.quarterOf(today))
                .in("GBP");
        out.println("alice's quarter: closed " + forecast.total(ForecastCategory.CLOSED) + ", weighted pipeline "
                + forecast.weightedPipeline());
        AccountOverview overview = alice.accountTeams().overview(account, PageRequest.first(3));
        out.println("account team: " + overview.team().stream().map(m -> m.user() + " (" + m.role() + ")").toList()
                + ", " + overview.orders().size() + " order(s), " + overview.purchases().size() + " purchases");
    }
}
