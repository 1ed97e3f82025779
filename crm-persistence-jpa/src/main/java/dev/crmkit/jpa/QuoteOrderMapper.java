package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.sales.Approval;
import dev.crmkit.core.sales.LineItem;
import dev.crmkit.core.sales.Order;
import dev.crmkit.core.sales.OrderStatus;
import dev.crmkit.core.sales.OrderStatusChange;
import dev.crmkit.core.sales.Pricing;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.QuoteAction;
import dev.crmkit.core.sales.QuoteChange;
import dev.crmkit.core.sales.QuoteStatus;
import dev.crmkit.core.sales.QuoteTerms;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Quotes and orders to their rows and back. Line items are JSON with every number as decimal text:
 * {@code BigDecimal.toString} and {@code new BigDecimal(String)} round-trip value and scale exactly; a line's
 * special instructions are a field there (absent in lines stored before schema version 7: none).
 */
final class QuoteOrderMapper {
    private QuoteOrderMapper() {
    }

    static QuoteEntity toRow(Quote q) {
        QuoteEntity r = new QuoteEntity();
        r.number = q.number();
        r.revision = q.revision();
        r.opportunityId = q.opportunity().value();
        r.accountId = q.account().value();
        r.contactId = Ids.uuid(q.contact());
        r.currency = q.pricing().currency().getCurrencyCode();
        r.taxRate = q.pricing().taxRate().toString();
        r.lineItems = lines(q.pricing().lines());
        r.approvalRequired = q.approval().required();
        r.status = q.status().name();
        r.approvedBy = Ids.user(q.approval().by());
        r.validUntil = q.terms().validUntil();
        r.notes = q.terms().notes();
        r.specialInstructions = q.terms().specialInstructions();
        r.orderId = Ids.uuid(q.order());
        r.history = JsonColumns.objects(q.history(), h -> JsonColumns.object()
                .put("at", h.at().toString()).put("by", h.by().value()).put("action", h.action().name())
                .put("status", h.status().name()).put("revision", h.revision()).put("detail", h.detail())
                .put("document", h.document()));
        r.createdBy = q.createdBy().value();
        r.createdAt = q.createdAt();
        r.updatedAt = q.updatedAt();
        return r;
    }

    static Quote toQuote(QuoteEntity r) {
        return new Quote(QuoteId.of(r.id), r.version, r.number, r.revision, OpportunityId.of(r.opportunityId),
                AccountId.of(r.accountId), r.contactId == null ? null : ContactId.of(r.contactId),
                new Pricing(Currency.getInstance(r.currency), new BigDecimal(r.taxRate), lines(r.lineItems)),
                new Approval(r.approvalRequired, Ids.user(r.approvedBy)), QuoteStatus.valueOf(r.status),
                new QuoteTerms(r.validUntil, r.notes, r.specialInstructions),
                r.orderId == null ? null : OrderId.of(r.orderId),
                JsonColumns.objects(r.history, n -> new QuoteChange(Instant.parse(n.get("at").asText()),
                        Ids.user(n.get("by").asText()), QuoteAction.valueOf(n.get("action").asText()),
                        QuoteStatus.valueOf(n.get("status").asText()), n.get("revision").asInt(),
                        JsonColumns.text(n, "detail"), JsonColumns.text(n, "document"))),
                Ids.user(r.createdBy), r.createdAt, r.updatedAt);
    }

    static OrderEntity toRow(Order o) {
        OrderEntity r = new OrderEntity();
        r.number = o.number();
        r.quoteId = Ids.uuid(o.quote());
        r.opportunityId = Ids.uuid(o.opportunity());
        r.accountId = o.account().value();
        r.contactId = Ids.uuid(o.contact());
        r.ownerId = o.owner().value();
        r.currency = o.currency().getCurrencyCode();
        r.taxRate = o.taxRate().toString();
        r.lineItems = lines(o.lines());
        r.specialInstructions = o.specialInstructions();
        r.status = o.status().name();
        r.history = JsonColumns.objects(o.history(), h -> JsonColumns.object()
                .put("status", h.status().name()).put("at", h.at().toString()).put("by", h.by().value())
                .put("note", h.note()));
        r.purchases = JsonColumns.stringList(o.purchases().stream().map(p -> p.value().toString()).toList());
        r.createdAt = o.createdAt();
        r.updatedAt = o.updatedAt();
        return r;
    }

    static Order toOrder(OrderEntity r) {
        return new Order(OrderId.of(r.id), r.version, r.number, r.quoteId == null ? null : QuoteId.of(r.quoteId),
                r.opportunityId == null ? null : OpportunityId.of(r.opportunityId), AccountId.of(r.accountId),
                r.contactId == null ? null : ContactId.of(r.contactId), Ids.user(r.ownerId),
                Currency.getInstance(r.currency), new BigDecimal(r.taxRate), lines(r.lineItems),
                r.specialInstructions, OrderStatus.valueOf(r.status),
                JsonColumns.objects(r.history, n -> new OrderStatusChange(OrderStatus.valueOf(n.get("status").asText()),
                        Instant.parse(n.get("at").asText()), Ids.user(n.get("by").asText()),
                        JsonColumns.text(n, "note"))),
                JsonColumns.stringList(r.purchases).stream().map(p -> PurchaseId.of(UUID.fromString(p))).toList(),
                r.createdAt, r.updatedAt);
    }

    private static String lines(List<LineItem> lines) {
        return JsonColumns.objects(lines, l -> JsonColumns.object()
                .put("product", l.product().value().toString()).put("code", l.productCode())
                .put("name", l.productName()).put("quantity", l.quantity())
                .put("listPrice", l.listPrice().amount().toPlainString())
                .put("currency", l.listPrice().currency().getCurrencyCode())
                .put("discountPercent", l.discountPercent().toString())
                .put("specialInstructions", l.specialInstructions()));
    }

    private static List<LineItem> lines(String json) {
        return JsonColumns.objects(json, n -> new LineItem(ProductId.of(UUID.fromString(n.get("product").asText())),
                n.get("code").asText(), JsonColumns.text(n, "name"), n.get("quantity").asInt(),
                Money.of(new BigDecimal(n.get("listPrice").asText()), n.get("currency").asText()),
                new BigDecimal(n.get("discountPercent").asText()), JsonColumns.text(n, "specialInstructions")));
    }
}
