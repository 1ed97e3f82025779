package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.spi.Repository;
import java.util.List;
import java.util.Optional;

/** Storage port for orders; the number is a unique key, lists are ordered by creation time then id. */
public interface OrderRepository extends Repository<OrderId, Order> {
    List<Order> findByAccount(AccountId account);

    Optional<Order> findByNumber(String number);

    @Override
    default String kind() {
        return "Order";
    }
}
