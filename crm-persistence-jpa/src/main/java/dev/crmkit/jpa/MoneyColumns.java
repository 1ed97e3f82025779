package dev.crmkit.jpa;

import dev.crmkit.core.common.Money;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Currency;

/** {@link Money} as an exact decimal and an ISO 4217 code. */
@Embeddable
class MoneyColumns {
    BigDecimal amount;
    String currency;

    static MoneyColumns of(Money m) {
        if (m == null) {
            return null;
        }
        MoneyColumns c = new MoneyColumns();
        c.amount = m.amount();
        c.currency = m.currency().getCurrencyCode();
        return c;
    }

    static Money toMoney(MoneyColumns c) {
        return c == null || c.amount == null ? null : new Money(c.amount, Currency.getInstance(c.currency));
    }
}
