package dev.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuoteDiffTest {
    private static final ProductId A = ProductId.of(UUID.randomUUID());
    private static final ProductId B = ProductId.of(UUID.randomUUID());

    private static LineItem line(ProductId p, String code, String price) {
        return new LineItem(p, code, code, 2, Money.of(price, "EUR"), BigDecimal.ZERO);
    }

    private static Quote quote(List<LineItem> lines) {
        return new Quote(QuoteId.of(UUID.randomUUID()), 1, "Q-1", 1, OpportunityId.of(UUID.randomUUID()),
                AccountId.of(UUID.randomUUID()), null, Currency.getInstance("EUR"), BigDecimal.ZERO, lines, false,
                QuoteStatus.SENT, null, null, null, null, List.of(), UserId.of("rep"), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void namesRemovedLinesPriceAndContactChanges() {
        Quote before = quote(List.of(line(A, "A", "10.00"), line(B, "B", "5.00")));
        ContactId ada = ContactId.of(UUID.randomUUID());
        assertThat(QuoteDiff.describe(before, ada, BigDecimal.ZERO, List.of(line(A, "A", "15.00"))))
                .isEqualTo("A list price 10.00 EUR -> 15.00 EUR; removed B; contact null -> " + ada
                        + "; total unchanged 30.00 EUR");
    }

    @Test
    void anIdenticalRevisionSaysOnlyThatTheTotalIsUnchanged() {
        Quote before = quote(List.of(line(A, "A", "10.00")));
        assertThat(QuoteDiff.describe(before, null, BigDecimal.ZERO, before.lines()))
                .isEqualTo("total unchanged 20.00 EUR");
    }
}
