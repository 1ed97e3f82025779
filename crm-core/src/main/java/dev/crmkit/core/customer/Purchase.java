package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A product a customer bought: what, when, how many, at what unit price, which reps were involved, and any special
 * instructions.
 *
 * @param orderReference the host's (or the sales module's) order this line belongs to, if any
 */
public record Purchase(
        PurchaseId id,
        long version,
        @Nullable AccountId account,
        @Nullable ContactId contact,
        String productCode,
        @Nullable String productName,
        Instant purchasedAt,
        int quantity,
        Money unitPrice,
        Set<UserId> reps,
        @Nullable String specialInstructions,
        @Nullable String orderReference,
        Instant createdAt) implements Versioned<PurchaseId, Purchase> {

    public Purchase {
        // Every adapter keeps microseconds: cut here, so memory reads back what a database would.
        purchasedAt = Validation.storable(purchasedAt);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(purchasedAt, "purchasedAt");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(createdAt, "createdAt");
        reps = reps == null ? Set.of() : Set.copyOf(reps);
    }

    /** Quantity × unit price, exact. */
    public Money total() {
        return unitPrice.times(quantity);
    }

    /** This purchase with its special instructions passed through {@code scrub} (an erasure keeps the sale). */
    public Purchase redacted(UnaryOperator<String> scrub) {
        return new Purchase(id, version, account, contact, productCode, productName, purchasedAt, quantity, unitPrice,
                reps, specialInstructions == null ? null : scrub.apply(specialInstructions), orderReference,
                createdAt);
    }

    @Override
    public Purchase withVersion(long newVersion) {
        return new Purchase(id, newVersion, account, contact, productCode, productName, purchasedAt, quantity,
                unitPrice, reps, specialInstructions, orderReference, createdAt);
    }
}
