package dev.crmkit.jpa;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every lookup of the service repositories is backed by an index, as the database reports it ({@link TableIndexes}):
 * tracking numbers and product codes unique per tenant, escalation's overdue cases by their next unmet target, and
 * search's postings by term (document frequencies and weights come off the primary key).
 */
abstract class ServiceIndexes {
    protected abstract TestDatabase database();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            case by tracking number       | crm_case             | tenant_id tracking_number        | true
            cases by contact              | crm_case             | tenant_id contact_id created_at  | false
            cases by account              | crm_case             | tenant_id account_id created_at  | false
            overdue open cases            | crm_case             | tenant_id next_due               | false
            cases linked to an article    | crm_case_article     | tenant_id article_id case_id     | true
            article links of a case       | crm_case_article     | tenant_id case_id                | false
            contracts by account          | crm_service_contract | tenant_id account_id start_date  | false
            articles by product code      | crm_article_product  | tenant_id product_code article_id | true
            product codes of an article   | crm_article_product  | tenant_id article_id             | false
            postings of a term            | crm_article_term     | tenant_id term article_id        | true
            postings of an article        | crm_article_term     | tenant_id article_id             | false
            indexed articles counted      | crm_article          | tenant_id searchable             | false
            product info by code          | crm_product_info     | tenant_id product_code           | true
            product info by product       | crm_product_info     | tenant_id product_id product_code | false
            """)
    void lookupIsBackedByAnIndex(String lookup, String table, String columns, boolean unique) throws SQLException {
        TableIndexes.assertBacked(database(), lookup, table, columns, unique);
    }
}
