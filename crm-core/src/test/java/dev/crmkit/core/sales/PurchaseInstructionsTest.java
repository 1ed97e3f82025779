package dev.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurchaseInstructionsTest {
    private static LineItem line(String instructions) {
        return new LineItem(ProductId.of(UUID.randomUUID()), "P", "P", 1, Money.of("10.00", "EUR"), BigDecimal.ZERO,
                instructions);
    }

    private static Order order(String instructions, LineItem line) {
        return new Order(OrderId.of(UUID.randomUUID()), 0, "O-1", null, null, AccountId.of(UUID.randomUUID()), null,
                UserId.of("rep"), Currency.getInstance("EUR"), BigDecimal.ZERO, List.of(line), instructions,
                OrderStatus.SHIPPED, List.of(), List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aPurchaseCarriesTheLinesInstructionsThenTheWholeOrdersUnderAHeading() {
        LineItem both = line("Engrave\nin brass");
        assertThat(order("Back door", both).purchaseInstructions(both))
                .isEqualTo("Engrave\nin brass\n\nFor the whole order: Back door");
    }

    @Test
    void eitherAloneIsCarriedAsItIsAndNeitherIsNone() {
        LineItem own = line("Gift wrap");
        LineItem none = line(null);
        assertThat(order(null, own).purchaseInstructions(own)).isEqualTo("Gift wrap");
        assertThat(order("Back door", none).purchaseInstructions(none)).isEqualTo("Back door");
        assertThat(order(null, none).purchaseInstructions(none)).isNull();
    }
}
