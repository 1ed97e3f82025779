package dev.crmkit.core.sales;

import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One entry of an order's status history; {@code note} holds a cancel reason or a shipment reference. */
public record OrderStatusChange(OrderStatus status, Instant at, UserId by, @Nullable String note) {
    public OrderStatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
