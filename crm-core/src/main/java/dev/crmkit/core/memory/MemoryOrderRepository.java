package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.sales.Order;
import dev.crmkit.core.sales.OrderRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemoryOrderRepository extends MemoryRepository<OrderId, Order> implements OrderRepository {
    private static final Comparator<Order> ORDER = Comparator.comparing(Order::createdAt)
            .thenComparing(Order::id);

    MemoryOrderRepository(MemoryTable<OrderId, Order> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<Order> findByAccount(AccountId account) {
        return lookup("account", account, ORDER);
    }

    @Override
    public Optional<Order> findByNumber(String number) {
        return lookup("number", number, ORDER).stream().findFirst();
    }
}
