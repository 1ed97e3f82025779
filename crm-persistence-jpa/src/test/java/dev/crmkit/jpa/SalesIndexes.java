package dev.crmkit.jpa;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every lookup of the sales repositories is backed by an index, as the database itself reports it: one whose
 * leading columns are the tenant, the looked-up columns and then the list order, so the rows come off the index
 * already in order (forecasts read opportunities by owner, also once per team member, and by close-date range).
 * Keys the in-memory adapter keeps unique are unique indexes. Query plans are not asserted: on the tests' tiny
 * tables the planners rightly prefer other paths.
 */
abstract class SalesIndexes {
    protected abstract TestDatabase database();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            opportunities by owner     | crm_opportunity         | tenant_id owner_id close_date id   | false
            opportunities by period    | crm_opportunity         | tenant_id close_date id            | false
            opportunities by account   | crm_opportunity         | tenant_id account_id close_date id | false
            product by code            | crm_product             | tenant_id code                     | true
            products in code order     | crm_product             | tenant_id code                     | true
            price book by currency     | crm_price_book          | tenant_id currency                 | true
            quotes by opportunity      | crm_quote               | tenant_id opportunity_id created_at id | false
            quote by number            | crm_quote               | tenant_id number                   | true
            orders by account          | crm_order               | tenant_id account_id created_at id | false
            order by number            | crm_order               | tenant_id number                   | true
            teams of a member          | crm_account_team_member | tenant_id user_id account_id       | true
            member rows of a team      | crm_account_team_member | tenant_id account_id               | false
            team by account            | crm_account_team        | tenant_id id                       | true
            """)
    void lookupIsBackedByAnIndex(String lookup, String table, String columns, boolean unique) throws SQLException {
        TableIndexes.assertBacked(database(), lookup, table, columns, unique);
    }
}
