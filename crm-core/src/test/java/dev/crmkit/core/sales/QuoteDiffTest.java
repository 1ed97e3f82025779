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

    private static LineItem line(ProductId p, String code, String price, String instructions) {
        return new LineItem(p, code, code, 2, Money.of(price, "EUR"), BigDecimal.ZERO, instructions);
    }

    private static Quote quote(List<LineItem> lines) {
        return quote(lines, null);
    }

    private static Quote quote(List<LineItem> lines, String instructions) {
        return new Quote(QuoteId.of(UUID.randomUUID()), 1, "Q-1", 1, OpportunityId.of(UUID.randomUUID()),
                AccountId.of(UUID.randomUUID()), null, new Pricing(Currency.getInstance("EUR"), BigDecimal.ZERO, lines),
                Approval.NOT_NEEDED, QuoteStatus.SENT, new QuoteTerms(null, null, instructions), null, List.of(),
                UserId.of("rep"), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void namesRemovedLinesPriceAndContactChanges() {
        Quote before = quote(List.of(line(A, "A", "10.00"), line(B, "B", "5.00")));
        ContactId ada = ContactId.of(UUID.randomUUID());
        assertThat(QuoteDiff.describe(before, ada, BigDecimal.ZERO, List.of(line(A, "A", "15.00")), null))
                .isEqualTo("A list price 10.00 EUR -> 15.00 EUR; removed B; contact null -> " + ada
                        + "; total unchanged 30.00 EUR");
    }

    @Test
    void anIdenticalRevisionSaysOnlyThatTheTotalIsUnchanged() {
        Quote before = quote(List.of(line(A, "A", "10.00")));
        assertThat(QuoteDiff.describe(before, null, BigDecimal.ZERO, before.pricing().lines(), null))
                .isEqualTo("total unchanged 20.00 EUR");
    }

    @Test
    void specialInstructionsAreSaidToBeAddedChangedOrRemovedWithoutQuotingThem() {
        ProductId c = ProductId.of(UUID.randomUUID());
        Quote before = quote(List.of(line(A, "A", "10.00", null), line(B, "B", "5.00", "gift wrap"),
                line(c, "C", "1.00", "blue")), "back door");
        List<LineItem> now = List.of(line(A, "A", "10.00", "engrave\nAda"), line(B, "B", "5.00", null),
                line(c, "C", "1.00", "red"));
        assertThat(QuoteDiff.describe(before, null, BigDecimal.ZERO, now, null))
                .isEqualTo("A special instructions added; B special instructions removed; "
                        + "C special instructions changed; order special instructions removed; "
                        + "total unchanged 32.00 EUR");
        assertThat(QuoteDiff.describe(quote(now), null, BigDecimal.ZERO, now, "front door"))
                .isEqualTo("order special instructions added; total unchanged 32.00 EUR");
    }
}
