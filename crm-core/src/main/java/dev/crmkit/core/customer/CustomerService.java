package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.CustomerEvent.AccountBecameCustomer;
import dev.crmkit.core.customer.CustomerEvent.ContactBecameCustomer;
import dev.crmkit.core.customer.CustomerEvent.FeedbackRecorded;
import dev.crmkit.core.customer.CustomerEvent.PurchaseRecorded;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Customer tracking: purchases (the first one makes the account and contact customers), feedback, purchase
 * history, and one interaction timeline per account and per contact.
 */
public final class CustomerService {
    private final CrmContext<? extends CustomerTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public CustomerService(CrmContext<? extends CustomerTx> ctx) {
        this.ctx = ctx;
    }

    /**
     * Records a purchase. An account or contact still at PROSPECT moves to CUSTOMER. Every invalid field is
     * reported at once, and nothing is written then.
     */
    public PurchaseId recordPurchase(NewPurchase in) {
        Validation.argument("purchase", in);
        return ctx.write(tx -> {
            Validation v = new Validation();
            Instant now = ctx.now();
            String code = v.requireText("productCode", in.productCode());
            String productName = Text.blankToNull(in.productName());
            String orderReference = Text.blankToNull(in.orderReference());
            v.maxLength("productCode", code, CustomerLimits.PRODUCT);
            v.maxLength("productName", productName, CustomerLimits.PRODUCT);
            v.maxLength("orderReference", orderReference, CustomerLimits.ORDER_REFERENCE);
            v.multiLine("specialInstructions", in.specialInstructions(), 0);
            v.instant("purchasedAt", in.purchasedAt());
            v.check(in.quantity() > 0, "quantity", "must be at least 1");
            if (v.require("unitPrice", in.unitPrice()) != null) {
                v.check(!in.unitPrice().isNegative(), "unitPrice", "must not be negative");
            }
            Instant at = in.purchasedAt() == null ? now : in.purchasedAt();
            v.check(!at.isAfter(now), "purchasedAt", "must not be in the future");
            Party party = Party.resolve(tx, in.account(), in.contact(), v);
            v.throwIfInvalid();
            Purchase saved = tx.purchases().save(new Purchase(PurchaseId.of(ctx.newId()), 0, party.accountId(),
                    party.contactId(), Validation.checked(code), productName, at, in.quantity(), in.unitPrice(),
                    in.reps(), Text.blankToNull(in.specialInstructions()), orderReference,
                    now));
            ctx.raise(new PurchaseRecorded(ctx.actor().tenant(), now, saved));
            party.account().filter(a -> a.stage() == LifecycleStage.PROSPECT).ifPresent(a -> {
                Account customer = tx.accounts().save(a.becameCustomer(now));
                ctx.raise(new AccountBecameCustomer(ctx.actor().tenant(), now, customer));
            });
            party.contact().filter(c -> c.stage() == LifecycleStage.PROSPECT).ifPresent(c -> {
                Contact customer = tx.contacts().save(c.becameCustomer(now));
                ctx.raise(new ContactBecameCustomer(ctx.actor().tenant(), now, customer));
            });
            return saved.id();
        });
    }

    /** Records feedback; a purchase it is about must belong to the account and contact it names. */
    public FeedbackId recordFeedback(NewFeedback in) {
        Validation.argument("feedback", in);
        return ctx.write(tx -> {
            Validation v = new Validation();
            Instant now = ctx.now();
            v.check(in.rating() >= 1 && in.rating() <= 5, "rating", "must be between 1 and 5");
            v.multiLine("text", in.text(), 0);
            v.instant("receivedAt", in.receivedAt());
            v.require("channel", in.channel());
            Instant at = in.receivedAt() == null ? now : in.receivedAt();
            v.check(!at.isAfter(now), "receivedAt", "must not be in the future");
            AccountId account = in.account();
            ContactId contact = in.contact();
            if (in.purchase() != null) {
                Optional<Purchase> p = tx.purchases().find(in.purchase());
                if (v.check(p.isPresent(), "purchase", "no such purchase: " + in.purchase())) {
                    v.check(account == null || account.equals(p.get().account()), "account",
                            "is not the purchase's account");
                    v.check(contact == null || contact.equals(p.get().contact()), "contact",
                            "is not the purchase's contact");
                    account = p.get().account();
                    contact = contact == null ? p.get().contact() : contact;
                }
            }
            Party party = Party.resolve(tx, account, contact, v);
            v.throwIfInvalid();
            Feedback saved = tx.feedback().save(new Feedback(FeedbackId.of(ctx.newId()), 0, party.accountId(),
                    party.contactId(), in.purchase(), in.rating(), Text.blankToNull(in.text()), in.channel(), at));
            ctx.raise(new FeedbackRecorded(ctx.actor().tenant(), now, saved));
            return saved.id();
        });
    }

    /** The account's purchases, oldest first; none for an account the caller does not see (as for a missing one). */
    public List<Purchase> purchases(AccountId account) {
        return ctx.read(tx -> AccountService.seen(ctx, tx, account) ? tx.purchases().findByAccount(account)
                : List.of());
    }

    /**
     * The contact's purchases, oldest first, but those of an account the caller does not see; none for a contact the
     * caller does not see.
     */
    public List<Purchase> purchases(ContactId contact) {
        return ctx.read(tx -> ContactService.seen(ctx, tx, contact)
                ? seenPurchases(ctx, tx, tx.purchases().findByContact(contact)) : List.of());
    }

    /** The account's feedback, oldest first; none for an account the caller does not see. */
    public List<Feedback> feedback(AccountId account) {
        return ctx.read(tx -> AccountService.seen(ctx, tx, account) ? tx.feedback().findByAccount(account)
                : List.of());
    }

    /** The contact's feedback, oldest first; none for a contact the caller does not see. */
    public List<Feedback> feedback(ContactId contact) {
        return ctx.read(tx -> ContactService.seen(ctx, tx, contact)
                ? seenFeedback(tx, tx.feedback().findByContact(contact)) : List.of());
    }

    /**
     * Everything that happened with the account — touchpoints (clicks, conversions, emails, forms, calls, visits),
     * purchases and feedback — newest first. Empty for an account the caller does not see.
     */
    public Page<TimelineEntry> timeline(AccountId account, PageRequest page) {
        return ctx.read(tx -> !AccountService.seen(ctx, tx, account) ? Page.of(List.of(), page)
                : Timeline.page(tx.touchpoints().findByAccount(account), tx.purchases().findByAccount(account),
                tx.feedback().findByAccount(account), page));
    }

    /** Everything that happened with the contact, newest first; see {@link #timeline(AccountId, PageRequest)}. */
    public Page<TimelineEntry> timeline(ContactId contact, PageRequest page) {
        return ctx.read(tx -> !ContactService.seen(ctx, tx, contact) ? Page.of(List.of(), page)
                : Timeline.page(tx.touchpoints().findByContact(contact),
                seenPurchases(ctx, tx, tx.purchases().findByContact(contact)),
                seenFeedback(tx, tx.feedback().findByContact(contact)), page));
    }

    /**
     * {@code purchases} (of a contact) without those of an account the actor of {@code ctx} does not see: a purchase
     * is seen with its account, as reports count it.
     */
    public static List<Purchase> seenPurchases(CrmContext<?> ctx, CustomerTx tx, List<Purchase> purchases) {
        return ofAccountsSeen(ctx, tx, purchases, Purchase::account);
    }

    private List<Feedback> seenFeedback(CustomerTx tx, List<Feedback> feedback) {
        return ofAccountsSeen(ctx, tx, feedback, Feedback::account);
    }

    /** {@code records} without those of an account the actor does not see; those of no account stay. */
    private static <T> List<T> ofAccountsSeen(CrmContext<?> ctx, CustomerTx tx, List<T> records,
                                              Function<T, @Nullable AccountId> account) {
        Predicate<AccountId> seen = AccountService.seenAccounts(ctx, tx);
        return records.stream().filter(r -> {
            AccountId of = account.apply(r);
            return of == null || seen.test(of);
        }).toList();
    }
}
