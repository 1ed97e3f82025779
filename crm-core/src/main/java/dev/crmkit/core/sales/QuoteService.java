package dev.crmkit.core.sales;

import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.sales.SalesEvent.QuoteChanged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Quotes from opportunities: priced from the price book of the quote's currency, revised, approved by a manager when
 * a discount exceeds the {@link QuotePolicy} threshold, sent through the host's {@link QuoteSender}, rendered to
 * JSON and HTML, and accepted into an {@link Order}. Every change is kept in the quote's history.
 */
public final class QuoteService {
    private static final QuoteSender RECORD_ONLY = q -> { };

    private final CrmContext<? extends SalesTx> ctx;
    private final OrderService orders;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public QuoteService(CrmContext<? extends SalesTx> ctx) {
        this.ctx = ctx;
        this.orders = new OrderService(ctx);
    }

    /**
     * Creates revision 1 of a quote for an open opportunity, in DRAFT. Every bad field is reported at once:
     * {@code currency} (not the opportunity's, or without price book), {@code taxRate}, {@code contact},
     * {@code validUntil}, {@code specialInstructions}, {@code items}, and per line {@code items[i].product},
     * {@code .quantity}, {@code .discountPercent}, {@code .specialInstructions}.
     */
    public QuoteId create(OpportunityId opportunity, QuoteDraft draft) {
        Validation.argument("opportunity", opportunity);
        Validation.argument("draft", draft);
        return ctx.write(tx -> {
            Opportunity opp = OpportunityService.GUARD.get(ctx, tx, tx.opportunities(), opportunity);
            Validation v = new Validation();
            v.check(opp.isOpen(), "opportunity", "is " + opp.status() + ", not open");
            Priced p = price(tx, opp, draft, v);
            v.throwIfInvalid();
            String number = "Q-" + tx.sequences().next("sales.quote");
            QuoteChange created = new QuoteChange(ctx.now(), ctx.user(), QuoteAction.CREATED, QuoteStatus.DRAFT, 1,
                    "total " + p.pricing().totals().total(), null);
            Quote q = new Quote(QuoteId.of(ctx.newId()), 0, number, 1, opp.id(), opp.account(), p.contact(),
                    p.pricing(), new Approval(p.approvalRequired(), null), QuoteStatus.DRAFT, p.terms(draft), null,
                    List.of(created), ctx.user(), ctx.now(), ctx.now());
            return save(tx, q).id();
        });
    }

    /**
     * Replaces the quote's content: the next revision, back in DRAFT, approval to be given again if needed. Accepted
     * and declined quotes cannot be revised ({@code IllegalTransitionException}). {@code read} is the quote the new
     * content was based on; when it changed since, nothing is written and this is a
     * {@code ConcurrentUpdateException}.
     */
    public Quote revise(Quote read, QuoteDraft draft) {
        return revision(Objects.requireNonNull(read, "read"), draft);
    }

    /** As {@link #revise(Quote, QuoteDraft)}, for a caller that kept the id and the version it read. */
    public Quote revise(QuoteId id, long expectedVersion, QuoteDraft draft) {
        return revision(Ref.of(id, expectedVersion), draft);
    }

    private Quote revision(Ref<QuoteId> ref, QuoteDraft draft) {
        Validation.argument("draft", draft);
        return ctx.write(tx -> {
            Quote q = current(tx, ref);
            Opportunity opp = tx.opportunities().get(q.opportunity());
            Validation v = new Validation();
            Priced p = price(tx, opp, draft, v);
            v.throwIfInvalid();
            String detail = QuoteDiff.describe(q, p.contact(), p.pricing().taxRate(), p.pricing().lines(),
                    p.specialInstructions());
            return save(tx, q.revise(p.contact(), p.pricing(), p.approvalRequired(), p.terms(draft), detail,
                    ctx.user(), ctx.now()));
        });
    }

    /** DRAFT to PENDING_APPROVAL. Pass the quote you read to refuse a stale change. */
    public Quote requestApproval(Ref<QuoteId> id) {
        return move(id, QuoteStatus.PENDING_APPROVAL, QuoteAction.APPROVAL_REQUESTED,
                q -> "max discount " + q.pricing().maxDiscount().toPlainString() + " %");
    }

    /**
     * A manager approves the current revision: PENDING_APPROVAL to APPROVED. Nobody approves a revision they wrote
     * or asked approval for (four eyes): that is an {@code AccessDeniedException}. Pass the quote you read to refuse
     * approving a revision you have not seen ({@code ConcurrentUpdateException}).
     */
    public Quote approve(Ref<QuoteId> id) {
        ctx.actor().require(Actor.MANAGER, "approve quotes");
        Objects.requireNonNull(id, "id");
        return ctx.write(tx -> {
            Quote q = current(tx, id);
            if (authorsOfRevision(q).contains(ctx.user())) {
                throw new AccessDeniedException(ctx.user() + " may not approve quote " + q.number() + " revision "
                        + q.revision() + ", which they wrote or asked approval for");
            }
            return save(tx, q.moveTo(QuoteStatus.APPROVED, QuoteAction.APPROVED, "revision " + q.revision(), null,
                    ctx.user(), ctx.now()));
        });
    }

    /** Who created, revised or asked approval for the quote's current revision. */
    private static Set<UserId> authorsOfRevision(Quote q) {
        Set<UserId> authors = new HashSet<>();
        for (QuoteChange c : q.history()) {
            if (c.revision() == q.revision() && (c.action() == QuoteAction.CREATED || c.action() == QuoteAction.REVISED
                    || c.action() == QuoteAction.APPROVAL_REQUESTED)) {
                authors.add(c.by());
            }
        }
        if (q.revision() == 1) {
            authors.add(q.createdBy());
        }
        return authors;
    }

    /**
     * A manager rejects: back to DRAFT with the reason (required) on record. Pass the quote you read to refuse a
     * stale change.
     */
    public Quote reject(Ref<QuoteId> id, String reason) {
        ctx.actor().require(Actor.MANAGER, "reject quotes");
        String r = required("reason", reason);
        return move(id, QuoteStatus.DRAFT, QuoteAction.REJECTED, q -> r);
    }

    /**
     * Sends the quote through the host's {@link QuoteSender} and records it as SENT with the JSON document as sent.
     * A quote needing approval must be APPROVED first ({@code IllegalTransitionException} otherwise). When the
     * sender throws, nothing is recorded. Pass the quote you read to refuse sending one that changed since.
     */
    public Quote send(Ref<QuoteId> id) {
        Objects.requireNonNull(id, "id");
        QuoteSender sender = ctx.setting(QuoteSender.class, () -> RECORD_ONLY);
        return ctx.write(tx -> {
            Quote q = current(tx, id);
            Account account = tx.accounts().find(q.account()).orElse(null);
            Contact contact = q.contact() == null ? null : tx.contacts().find(q.contact()).orElse(null);
            EmailAddress recipient = contact == null ? null : contact.points().email();
            String to = recipient == null ? "no recipient" : "to " + recipient.value();
            // Move first: the transition check comes before rendering, and the documents show the quote as sent.
            Quote moved = q.moveTo(QuoteStatus.SENT, QuoteAction.SENT, to, null, ctx.user(), ctx.now());
            String json = QuoteDocuments.json(moved, account, contact);
            String html = QuoteDocuments.html(moved, account, contact);
            Quote sent = save(tx, q.moveTo(QuoteStatus.SENT, QuoteAction.SENT, to, json, ctx.user(), ctx.now()));
            sender.send(new OutgoingQuote(sent, contact == null ? null : contact.points().email(), json, html));
            return sent;
        });
    }

    /**
     * The customer accepted a SENT quote: it becomes an order (PLACED), whose id is returned. The opportunity is
     * left as it is; close it with {@code OpportunityService.closeWon} when the deal is done. Pass the quote you
     * read to refuse accepting one that changed since.
     */
    public OrderId accept(Ref<QuoteId> id) {
        Objects.requireNonNull(id, "id");
        return ctx.write(tx -> {
            Quote q = current(tx, id);
            OrderId orderId = OrderId.of(ctx.newId());
            Quote accepted = q.accept(orderId, ctx.user(), ctx.now());
            Opportunity opp = tx.opportunities().get(q.opportunity());
            save(tx, accepted);
            orders.place(tx, orderId, accepted, opp.owner());
            return orderId;
        });
    }

    /** The customer declined a SENT quote; the reason is required. Pass the quote you read to refuse a stale change. */
    public Quote decline(Ref<QuoteId> id, String reason) {
        String r = required("reason", reason);
        return move(id, QuoteStatus.DECLINED, QuoteAction.DECLINED, q -> r);
    }

    /**
     * The quote, or {@code NotFoundException}, also for the quote of an opportunity the caller may not see (a quote is
     * seen with its opportunity).
     */
    public Quote get(QuoteId id) {
        return ctx.read(tx -> visible(tx, tx.quotes().get(id)));
    }

    private boolean sees(SalesTx tx, Quote q) {
        return OpportunityService.GUARD.sees(ctx, tx, tx.opportunities().get(q.opportunity()));
    }

    private Quote visible(SalesTx tx, Quote q) {
        if (!sees(tx, q)) {
            throw new NotFoundException("Quote", q.id()); // as for a missing one
        }
        return q;
    }

    /** The quote {@code ref} names, when the caller sees it, at the version the caller read (visibility first). */
    private Quote current(SalesTx tx, Ref<QuoteId> ref) {
        Quote q = visible(tx, tx.quotes().get(ref.id()));
        Ref.check(ref, q, "Quote");
        return q;
    }

    /** The quote with this number, e.g. {@code Q-1}, if the caller sees it. */
    public Optional<Quote> findByNumber(String number) {
        Validation.lookup("number", number, false);
        return ctx.read(tx -> tx.quotes().findByNumber(number).filter(q -> sees(tx, q)));
    }

    /** The opportunity's quotes, oldest first; none of an opportunity the caller does not see. */
    public List<Quote> ofOpportunity(OpportunityId opportunity) {
        return ctx.read(tx -> tx.opportunities().find(opportunity).filter(o -> OpportunityService.GUARD.sees(ctx,
                tx, o)).isPresent() ? tx.quotes().findByOpportunity(opportunity) : List.of());
    }

    /** The quote as JSON, as {@link QuoteDocuments#json} renders it. */
    public String json(QuoteId id) {
        return ctx.read(tx -> {
            Quote q = visible(tx, tx.quotes().get(id));
            return QuoteDocuments.json(q, tx.accounts().find(q.account()).orElse(null), contact(tx, q));
        });
    }

    /** The quote as a plain HTML document, as {@link QuoteDocuments#html} renders it. */
    public String html(QuoteId id) {
        return ctx.read(tx -> {
            Quote q = visible(tx, tx.quotes().get(id));
            return QuoteDocuments.html(q, tx.accounts().find(q.account()).orElse(null), contact(tx, q));
        });
    }

    private static @Nullable Contact contact(SalesTx tx, Quote q) {
        return q.contact() == null ? null : tx.contacts().find(q.contact()).orElse(null);
    }

    private Quote move(Ref<QuoteId> id, QuoteStatus target, QuoteAction action,
                       Function<Quote, String> detail) {
        Objects.requireNonNull(id, "id");
        return ctx.write(tx -> {
            Quote q = current(tx, id);
            return save(tx, q.moveTo(target, action, detail.apply(q), null, ctx.user(), ctx.now()));
        });
    }

    private Quote save(SalesTx tx, Quote q) {
        Quote saved = tx.quotes().save(q);
        ctx.raise(new QuoteChanged(ctx.actor().tenant(), ctx.now(), saved, saved.history().get(
                saved.history().size() - 1)));
        return saved;
    }

    private static @Nullable String required(String field, String value) {
        Validation v = new Validation();
        String text = v.requireMultiLine(field, value, 0);
        v.throwIfInvalid();
        return text;
    }

    /** A draft checked and priced; fields are null where validation failed. */
    private record Priced(Pricing pricing, @Nullable Contact contactRecord, boolean approvalRequired,
                          @Nullable String specialInstructions) {
        @Nullable ContactId contact() {
            return contactRecord == null ? null : contactRecord.id();
        }

        QuoteTerms terms(QuoteDraft draft) {
            return new QuoteTerms(draft.validUntil(), Text.blankToNull(draft.notes()), specialInstructions);
        }
    }

    private Priced price(SalesTx tx, Opportunity opp, QuoteDraft d, Validation v) {
        Currency currency = opp.amount().currency();
        String code = d.currency();
        if (code != null) {
            Money zero = v.attempt("currency", () -> Money.of("0", code));
            if (zero != null && v.check(zero.currency().equals(currency), "currency",
                    "must be the opportunity's currency " + currency)) {
                currency = zero.currency();
            }
        }
        Optional<PriceBook> book = tx.priceBooks().findByCurrency(currency);
        v.check(book.isPresent(), "currency", "has no price book: " + currency);
        BigDecimal taxRate = d.taxRate() == null ? BigDecimal.ZERO : d.taxRate();
        v.check(LineItem.isPercent(taxRate), "taxRate", "must be between 0 and 100");
        v.check(taxRate.toString().length() <= SalesLimits.TAX_RATE_TEXT, "taxRate",
                "must be at most " + SalesLimits.TAX_RATE_TEXT + " characters as decimal text");
        v.multiLine("notes", d.notes(), 0);
        Contact contact = null;
        ContactId contactId = d.contact() == null ? opp.contact() : d.contact();
        if (contactId != null) {
            Optional<Contact> found = tx.contacts().find(contactId);
            if (v.check(found.isPresent(), "contact", "no such contact: " + contactId)) {
                v.check(opp.account().equals(found.get().account()), "contact", "belongs to another account");
            }
            contact = found.orElse(null);
        }
        LocalDate today = LocalDate.ofInstant(ctx.now(), ctx.clock().getZone());
        v.check(d.validUntil() == null || !d.validUntil().isBefore(today), "validUntil", "must not be in the past");
        String instructions = Text.blankToNull(d.specialInstructions());
        v.multiLine("specialInstructions", instructions, SalesLimits.SPECIAL_INSTRUCTIONS);
        v.check(!d.items().isEmpty(), "items", "needs at least one line");
        QuotePolicy policy = ctx.setting(QuotePolicy.class, QuotePolicy::defaults);
        List<LineItem> lines = new ArrayList<>(d.items().size());
        boolean approval = false;
        for (int i = 0; i < d.items().size(); i++) {
            LineItem line = line(tx, d.items().get(i), book, currency, v.nested("items", i));
            if (line != null) {
                lines.add(line);
                approval |= policy.needsApproval(line.discountPercent());
            }
        }
        return new Priced(new Pricing(currency, taxRate, lines), contact, approval, instructions);
    }

    private static @Nullable LineItem line(SalesTx tx, QuoteItem item, Optional<PriceBook> book, Currency currency,
                                 Validation v) {
        if (!v.check(item != null, "product", "is required")) {
            return null;
        }
        boolean ok = v.check(item.quantity() >= 1, "quantity", "must be at least 1");
        BigDecimal discount = item.discountPercent() == null ? BigDecimal.ZERO : item.discountPercent();
        ok &= v.check(LineItem.isPercent(discount), "discountPercent", "must be between 0 and 100");
        String instructions = Text.blankToNull(item.specialInstructions());
        ok &= v.multiLine("specialInstructions", instructions, SalesLimits.SPECIAL_INSTRUCTIONS);
        ProductId productId = item.product();
        Optional<Product> found = productId == null ? Optional.empty() : tx.products().find(productId);
        if (v.require("product", productId) != null
                && v.check(found.isPresent(), "product", "no such product: " + productId)) {
            ok &= v.check(found.get().active(), "product", "is inactive: " + found.get().code());
        } else {
            ok = false;
        }
        Product product = found.orElse(null);
        Money listPrice = product == null || book.isEmpty() ? null : book.get().listPrice(product.id()).orElse(null);
        if (product != null && book.isPresent()) {
            ok &= v.check(listPrice != null, "product", "has no list price in " + currency + ": " + product.code());
        }
        return ok && product != null && listPrice != null
                ? new LineItem(product.id(), product.code(), product.name(), item.quantity(), listPrice, discount,
                        instructions)
                : null;
    }
}
