package dev.crmkit.core.sales;

import dev.crmkit.core.customer.CustomerTx;

/**
 * The storage transaction as this capability sees it: the repositories of sales, over those of customers and
 * tracking.
 */
public interface SalesTx extends CustomerTx {
    OpportunityRepository opportunities();

    ProductRepository products();

    PriceBookRepository priceBooks();

    QuoteRepository quotes();

    OrderRepository orders();

    AccountTeamRepository accountTeams();
}
