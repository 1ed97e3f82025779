package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.NewPurchase;
import dev.crmkit.core.sales.SalesEvent.OrderStatusChanged;
import dev.crmkit.core.sharing.Guard;
import dev.crmkit.core.sharing.OwnedRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Orders from accepted quotes, through PLACED → CONFIRMED → SHIPPED → DELIVERED (or CANCELLED before shipping).
 * Delivery records one purchase per line in customer tracking, in the same transaction, so the account's purchase
 * history and timeline show it and a prospect account becomes a customer.
 */
public final class OrderService {
    private static final Guard<OrderId, Order> GUARD = new Guard<>("Order",
            o -> new OwnedRecords.Owned("Order", o.id(), o.owner(), o.account()));
    private final CrmContext<? extends SalesTx> ctx;
    private final CustomerService customers;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public OrderService(CrmContext<? extends SalesTx> ctx) {
        this.ctx = ctx;
        this.customers = new CustomerService(ctx);
    }

    /** Places the order an accepted quote became; called inside the accepting transaction. */
    Order place(SalesTx tx, OrderId id, Quote quote, UserId owner) {
        String number = "O-" + tx.sequences().next("sales.order");
        Order order = new Order(id, 0, number, quote.id(), quote.opportunity(), quote.account(), quote.contact(),
                owner, quote.pricing().currency(), quote.pricing().taxRate(), quote.pricing().lines(),
                quote.terms().specialInstructions(), OrderStatus.PLACED,
                List.of(new OrderStatusChange(OrderStatus.PLACED, ctx.now(), ctx.user(), "from quote " + quote.number()
                        + " revision " + quote.revision())), List.of(), ctx.now(), ctx.now());
        Order saved = tx.orders().save(order);
        ctx.raise(new OrderStatusChanged(ctx.actor().tenant(), ctx.now(), saved, null));
        return saved;
    }

    /** PLACED to CONFIRMED. Pass the order you read to refuse a stale change. */
    public Order confirm(Ref<OrderId> id) {
        return move(id, OrderStatus.CONFIRMED, null);
    }

    /**
     * CONFIRMED to SHIPPED; {@code reference} (e.g. a tracking number) is optional. Pass the order you read to refuse
     * a stale change.
     */
    public Order ship(Ref<OrderId> id, @Nullable String reference) {
        Validation v = new Validation();
        v.singleLine("reference", reference);
        v.throwIfInvalid();
        return move(id, OrderStatus.SHIPPED, Text.blankToNull(reference));
    }

    /**
     * SHIPPED to DELIVERED, recording one purchase per line for the order's account and contact, with the line's and
     * the order's special instructions ({@link Order#purchaseInstructions}). Pass the order you read to refuse a stale
     * change.
     */
    public Order deliver(Ref<OrderId> id) {
        return ctx.write(tx -> {
            Order o = GUARD.current(ctx, tx, tx.orders(), Objects.requireNonNull(id, "id"));
            if (!o.status().canMoveTo(OrderStatus.DELIVERED)) {
                throw new IllegalTransitionException("Order", o.status(), OrderStatus.DELIVERED);
            }
            List<PurchaseId> purchases = new ArrayList<>(o.lines().size());
            for (LineItem line : o.lines()) {
                purchases.add(customers.recordPurchase(new NewPurchase(o.account(), o.contact(),
                        line.productCode(), line.productName(), ctx.now(), line.quantity(), line.unitPrice(),
                        Set.of(o.owner()), o.purchaseInstructions(line), o.number())));
            }
            Order saved = tx.orders().save(o.deliver(purchases, ctx.user(), ctx.now()));
            ctx.raise(new OrderStatusChanged(ctx.actor().tenant(), ctx.now(), saved, o.status()));
            return saved;
        });
    }

    /** PLACED or CONFIRMED to CANCELLED; the reason is required. Pass the order you read to refuse a stale change. */
    public Order cancel(Ref<OrderId> id, String reason) {
        Validation v = new Validation();
        String r = v.requireMultiLine("reason", reason, 0);
        v.throwIfInvalid();
        return move(id, OrderStatus.CANCELLED, Validation.checked(r));
    }

    private Order move(Ref<OrderId> id, OrderStatus target, @Nullable String note) {
        return ctx.write(tx -> moveIn(tx, id, target, note));
    }

    private Order moveIn(SalesTx tx, Ref<OrderId> id, OrderStatus target, @Nullable String note) {
        Order o = GUARD.current(ctx, tx, tx.orders(), Objects.requireNonNull(id, "id"));
        Order saved = tx.orders().save(o.moveTo(target, note, ctx.user(), ctx.now()));
        ctx.raise(new OrderStatusChanged(ctx.actor().tenant(), ctx.now(), saved, o.status()));
        return saved;
    }

    /**
     * The order, or {@code NotFoundException}, also for one the caller may not see (an order is seen by its owner,
     * as an opportunity: see {@code sharing}).
     */
    public Order get(OrderId id) {
        return ctx.read(tx -> GUARD.get(ctx, tx, tx.orders(), id));
    }

    /** The order with this number, e.g. {@code O-1}, if the caller sees it. */
    public Optional<Order> findByNumber(String number) {
        Validation.lookup("number", number, false);
        return ctx.read(tx -> tx.orders().findByNumber(number).filter(o -> GUARD.sees(ctx, tx, o)));
    }

    /** The account's orders the caller sees, oldest first. */
    public List<Order> ofAccount(AccountId account) {
        return ctx.read(tx -> GUARD.seen(ctx, tx, tx.orders().findByAccount(account)));
    }
}
