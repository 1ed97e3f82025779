package dev.crmkit.core.service;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;

/**
 * Whom and what a case is about: the account and contact who raised it and, when known, the product (from the
 * catalogue, or only its code) and the order.
 */
public record Regarding(AccountId account, ContactId contact, ProductId product, String productCode, OrderId order) {
}
