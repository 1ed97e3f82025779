package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.sales.Order;
import dev.crmkit.core.sales.OrderRepository;
import java.util.List;
import java.util.Optional;

final class JpaOrderRepository extends JpaRepository<OrderId, Order, OrderEntity> implements OrderRepository {
    private static final String ORDER = "r.createdAt, r.id";

    JpaOrderRepository(JpaTx tx) {
        super(tx, OrderEntity.class);
    }

    @Override
    OrderEntity toRow(Order order) {
        return QuoteOrderMapper.toRow(order);
    }

    @Override
    Order toDomain(OrderEntity row) {
        return QuoteOrderMapper.toOrder(row);
    }

    @Override
    public List<Order> findByAccount(AccountId account) {
        return lookup("accountId", account.value(), ORDER);
    }

    @Override
    public Optional<Order> findByNumber(String number) {
        return lookup("number", number, ORDER).stream().findFirst();
    }
}
