package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import org.jspecify.annotations.Nullable;

/**
 * Whom and what a case is about: the account and contact who raised it and, when known, the product (from the
 * catalogue, or only its code) and the order.
 */
public record Regarding(@Nullable AccountId account, @Nullable ContactId contact, @Nullable ProductId product,
                        @Nullable String productCode, @Nullable OrderId order) {
}
