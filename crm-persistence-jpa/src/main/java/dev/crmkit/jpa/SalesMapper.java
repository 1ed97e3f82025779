package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.PriceBookId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.sales.AccountTeam;
import dev.crmkit.core.sales.ForecastCategory;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.OpportunityStatus;
import dev.crmkit.core.sales.PriceBook;
import dev.crmkit.core.sales.Product;
import dev.crmkit.core.sales.StageChange;
import dev.crmkit.core.sales.TeamMember;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Opportunities, products, price books and account teams to their rows and back. */
final class SalesMapper {
    private SalesMapper() {
    }

    static OpportunityEntity toRow(Opportunity o) {
        OpportunityEntity r = new OpportunityEntity();
        r.accountId = o.account().value();
        r.contactId = Ids.uuid(o.contact());
        r.name = o.name();
        r.amount = MoneyColumns.of(o.amount());
        r.closeDate = o.closeDate();
        r.ownerId = o.owner().value();
        r.stage = o.stage();
        r.probability = o.probability();
        r.category = o.category().name();
        r.status = o.status().name();
        r.closeReason = o.closeReason();
        r.sourceLead = Ids.uuid(o.sourceLead());
        r.history = JsonColumns.objects(o.history(), h -> JsonColumns.object()
                .put("stage", h.stage()).put("status", h.status().name()).put("probability", h.probability())
                .put("category", h.category().name()).put("at", h.at().toString()).put("by", h.by().value())
                .put("note", h.note()));
        r.createdAt = o.createdAt();
        r.updatedAt = o.updatedAt();
        return r;
    }

    static Opportunity toOpportunity(OpportunityEntity r) {
        return new Opportunity(OpportunityId.of(r.id), r.version, AccountId.of(r.accountId),
                r.contactId == null ? null : ContactId.of(r.contactId), r.name, MoneyColumns.toMoney(r.amount),
                r.closeDate, Ids.user(r.ownerId), r.stage, r.probability, ForecastCategory.valueOf(r.category),
                OpportunityStatus.valueOf(r.status), r.closeReason,
                r.sourceLead == null ? null : LeadId.of(r.sourceLead),
                JsonColumns.objects(r.history, n -> new StageChange(n.get("stage").asText(),
                        OpportunityStatus.valueOf(n.get("status").asText()), n.get("probability").asInt(),
                        ForecastCategory.valueOf(n.get("category").asText()), Instant.parse(n.get("at").asText()),
                        Ids.user(n.get("by").asText()), JsonColumns.text(n, "note"))),
                r.createdAt, r.updatedAt);
    }

    static ProductEntity toRow(Product p) {
        ProductEntity r = new ProductEntity();
        r.code = p.code();
        r.name = p.name();
        r.description = p.description();
        r.active = p.active();
        r.createdAt = p.createdAt();
        r.updatedAt = p.updatedAt();
        return r;
    }

    static Product toProduct(ProductEntity r) {
        return new Product(ProductId.of(r.id), r.version, r.code, r.name, r.description, r.active, r.createdAt,
                r.updatedAt);
    }

    /** List prices as a JSON object of product id to exact decimal text, in the book's currency. */
    static PriceBookEntity toRow(PriceBook b) {
        PriceBookEntity r = new PriceBookEntity();
        r.name = b.name();
        r.currency = b.currency().getCurrencyCode();
        Map<String, String> prices = new TreeMap<>();
        b.listPrices().forEach((product, price) -> prices.put(product.value().toString(),
                price.amount().toPlainString()));
        r.listPrices = JsonColumns.stringMap(prices);
        r.createdAt = b.createdAt();
        r.updatedAt = b.updatedAt();
        return r;
    }

    static PriceBook toPriceBook(PriceBookEntity r) {
        Currency currency = Currency.getInstance(r.currency);
        Map<ProductId, Money> prices = new LinkedHashMap<>();
        JsonColumns.stringMap(r.listPrices).forEach((product, amount) -> prices.put(
                ProductId.of(UUID.fromString(product)), new Money(new BigDecimal(amount), currency)));
        return new PriceBook(PriceBookId.of(r.id), r.version, r.name, currency, prices, r.createdAt, r.updatedAt);
    }

    static AccountTeamEntity toRow(AccountTeam t) {
        AccountTeamEntity r = new AccountTeamEntity();
        r.members = JsonColumns.objects(t.members(), m -> JsonColumns.object()
                .put("user", m.user().value()).put("role", m.role()).put("since", m.since().toString()));
        r.updatedAt = t.updatedAt();
        return r;
    }

    static AccountTeam toAccountTeam(AccountTeamEntity r) {
        return new AccountTeam(AccountId.of(r.id), r.version, JsonColumns.objects(r.members, n -> new TeamMember(
                Ids.user(n.get("user").asText()), n.get("role").asText(), Instant.parse(n.get("since").asText()))),
                r.updatedAt);
    }
}
