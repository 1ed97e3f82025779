package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.customer.TimelineEntry;
import dev.crmkit.core.sales.LineItem;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.Order;
import dev.crmkit.core.sales.OrderStatus;
import dev.crmkit.core.sales.OrderStatusChange;
import dev.crmkit.core.sales.OutgoingQuote;
import dev.crmkit.core.sales.ProductDetails;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.QuoteAction;
import dev.crmkit.core.sales.QuoteChange;
import dev.crmkit.core.sales.QuoteDraft;
import dev.crmkit.core.sales.QuoteItem;
import dev.crmkit.core.sales.QuotePolicy;
import dev.crmkit.core.sales.QuoteSender;
import dev.crmkit.core.sales.QuoteStatus;
import dev.crmkit.core.sales.QuoteTotals;
import dev.crmkit.core.sales.SalesEvent;
import dev.crmkit.core.sales.SalesLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Quotes and orders through {@code QuoteService} and {@code OrderService}: pricing from price books, exact totals,
 * approval, sending through the host's {@link QuoteSender}, rendering, the recorded history, and orders through
 * delivery into customer tracking. The sender is the one mocked edge port.
 */
public abstract class QuoteOrderContract extends ContractSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QuoteSender sender;
    private Crm sales;
    private AccountId acme;
    private ContactId ada;
    private ProductId engine;
    private ProductId mill;
    private OpportunityId deal;
    private final List<SalesEvent> events = new ArrayList<>();

    @BeforeEach
    void setUpCatalogAndDeal() {
        sender = mock(QuoteSender.class);
        sales = Crm.builder().storage(storage()).clock(clock).actor(actor).with(sender).build();
        acme = sales.accounts().create(AccountDetails.named("Acme"));
        ada = sales.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", "ada@example.com"));
        engine = sales.products().create(ProductDetails.of("ENG-1", "Difference Engine"));
        mill = sales.products().create(ProductDetails.of("MILL", "Analytical <Mill> & Co"));
        sales.products().createPriceBook("Europe", "EUR");
        sales.products().setListPrice(engine, Money.of("1999.99", "EUR"));
        sales.products().setListPrice(mill, Money.of("333.33", "EUR"));
        deal = sales.opportunities().create(NewOpportunity.of(acme, "Engines", Money.of("10000.00", "EUR"),
                LocalDate.of(2026, 3, 31)).withContact(ada));
        // The approving manager sees the deal as the manager of its owner; rep-2 works on the account with rep-1.
        sales.teams().create("Sales", UserId.of("boss"), Set.of(actor.user(), UserId.of("rep-2")));
        sales.accountTeams().addMember(acme, UserId.of("rep-2"), "sales engineer");
        sales.events().subscribe(SalesEvent.class, events::add);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** 3 engines at 5 % off and 2 mills: subtotal 6 366.63, with 19 % tax 7 576.29. */
    private QuoteDraft standard() {
        return QuoteDraft.of(List.of(QuoteItem.of(engine, 3, "5"), QuoteItem.of(mill, 2))).withTaxRate("19");
    }

    private QuoteDraft discounted(String percent) {
        return QuoteDraft.of(List.of(QuoteItem.of(engine, 1, percent)));
    }

    // ---- pricing ----

    @Test
    void aQuoteIsPricedFromThePriceBookWithExactTotals() {
        QuoteId id = sales.quotes().create(deal, standard().withNotes("Delivery in 6 weeks"));
        Quote q = sales.quotes().get(id);

        assertThat(q.number()).isEqualTo("Q-1");
        assertThat(q.revision()).isEqualTo(1);
        assertThat(q.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(q.account()).isEqualTo(acme);
        assertThat(q.contact()).isEqualTo(ada);
        assertThat(q.approval().required()).isFalse();
        assertThat(q.pricing().lines()).extracting(LineItem::productCode, LineItem::listPrice, LineItem::unitPrice,
                LineItem::total).containsExactly(
                tuple("ENG-1", eur("1999.99"), eur("1899.99"), eur("5699.97")),
                tuple("MILL", eur("333.33"), eur("333.33"), eur("666.66")));
        QuoteTotals t = q.totals();
        assertThat(t.listTotal()).isEqualTo(eur("6666.63"));
        assertThat(t.discount()).isEqualTo(eur("300.00"));
        assertThat(t.subtotal()).isEqualTo(eur("6366.63"));
        assertThat(t.tax()).isEqualTo(eur("1209.66"));
        assertThat(t.total()).isEqualTo(eur("7576.29"));
        assertThat(q.history()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(QuoteAction.CREATED);
            assertThat(h.by()).isEqualTo(UserId.of("rep-1"));
            assertThat(h.at()).isEqualTo(START);
        });
        assertThat(sales.quotes().ofOpportunity(deal)).containsExactly(q);
        assertThat(sales.quotes().findByNumber("Q-1")).contains(q);
        assertThat(events).singleElement().isInstanceOf(SalesEvent.QuoteChanged.class);
    }

    @Test
    void badInputNamesEveryFieldAndWritesNothing() {
        AccountId other = sales.accounts().create(AccountDetails.named("Other"));
        ContactId stranger = sales.contacts().create(ContactDetails.of(other, "Grace", "Hopper", null));
        events.clear();
        String tooLong = "x".repeat(SalesLimits.SPECIAL_INSTRUCTIONS + 1);
        QuoteDraft bad = new QuoteDraft("USD", stranger, new BigDecimal("150"), List.of(
                new QuoteItem(engine, -2, BigDecimal.ZERO), new QuoteItem(mill, 1, new BigDecimal("100.01")),
                new QuoteItem(null, 1, null), QuoteItem.of(mill, 1).withSpecialInstructions(tooLong)),
                LocalDate.of(2026, 1, 4), null, tooLong);

        assertThatThrownBy(() -> sales.quotes().create(deal, bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("currency", "contact", "taxRate",
                                "validUntil", "specialInstructions", "items[0].quantity", "items[1].discountPercent",
                                "items[2].product", "items[3].specialInstructions"));
        assertThat(sales.quotes().ofOpportunity(deal)).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void everyLineNeedsAnActiveProductWithAListPriceInTheQuotesCurrency() {
        ProductId unpriced = sales.products().create(ProductDetails.of("GEAR", "Gear"));
        sales.products().setListPrice(sales.products().create(ProductDetails.of("OLD", "Old")), eur("1.00"));
        ProductId old = sales.products().findByCode("OLD").orElseThrow().id();
        sales.products().update(sales.products().get(old), new ProductDetails("OLD", "Old", null, false));

        assertThatThrownBy(() -> sales.quotes().create(deal, QuoteDraft.of(List.of(QuoteItem.of(unpriced, 1),
                QuoteItem.of(old, 1), QuoteItem.of(ProductId.of(UUID.randomUUID()), 1)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("items[0].product", "items[1].product", "items[2].product"));
        assertThatThrownBy(() -> sales.quotes().create(deal, QuoteDraft.of(List.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("items")).isTrue());
    }

    @Test
    void aClosedOpportunityGetsNoNewQuotes() {
        sales.opportunities().closeLost(deal, "went elsewhere");
        assertThatThrownBy(() -> sales.quotes().create(deal, standard()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasErrorFor("opportunity")).isTrue());
    }

    // ---- approval and sending ----

    @Test
    void aSmallDiscountIsSentDirectlyThroughTheHostsSender() throws Exception {
        QuoteId id = sales.quotes().create(deal, standard());
        clock.advance(Duration.ofHours(2));
        Quote sent = sales.quotes().send(id);

        ArgumentCaptor<OutgoingQuote> out = ArgumentCaptor.forClass(OutgoingQuote.class);
        verify(sender).send(out.capture());
        OutgoingQuote o = out.getValue();
        assertThat(o.quote()).isEqualTo(sent);
        assertThat(o.recipient().value()).isEqualTo("ada@example.com");
        JsonNode json = JSON.readTree(o.json());
        assertThat(json.get("number").asText()).isEqualTo("Q-1");
        assertThat(json.get("status").asText()).isEqualTo("SENT");
        assertThat(json.get("account").asText()).isEqualTo("Acme");
        assertThat(json.get("totals").get("total").asText()).isEqualTo("7576.29");
        assertThat(json.get("lines").get(1).get("productName").asText()).isEqualTo("Analytical <Mill> & Co");
        assertThat(o.html()).startsWith("<!DOCTYPE html>").contains("Analytical &lt;Mill&gt; &amp; Co")
                .doesNotContain("<Mill>").contains("7576.29");

        assertThat(sent.status()).isEqualTo(QuoteStatus.SENT);
        assertThat(sent.history()).last().satisfies(h -> {
            assertThat(h.action()).isEqualTo(QuoteAction.SENT);
            assertThat(h.at()).isEqualTo(START.plus(Duration.ofHours(2)));
            assertThat(h.detail()).isEqualTo("to ada@example.com");
            assertThat(h.document()).isEqualTo(o.json());
        });
        assertThat(sales.quotes().json(id)).isEqualTo(o.json());
        assertThat(sales.quotes().html(id)).isEqualTo(o.html());
    }

    @Test
    void aDiscountAboveTheThresholdNeedsAManagersApprovalBeforeSending() {
        QuoteId id = sales.quotes().create(deal, discounted("15"));
        assertThat(sales.quotes().get(id).approval().required()).isTrue();

        assertThatThrownBy(() -> sales.quotes().send(id)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("approv");
        verifyNoInteractions(sender);

        sales.quotes().requestApproval(id);
        Crm rep = sales.as(new Actor(tenant, UserId.of("rep-2"), Set.of()));
        assertThatThrownBy(() -> rep.quotes().approve(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(sales.quotes().get(id).status()).isEqualTo(QuoteStatus.PENDING_APPROVAL);

        Crm boss = sales.as(new Actor(tenant, UserId.of("boss"),
                Set.of(Actor.MANAGER)));
        Quote approved = boss.quotes().approve(id);
        assertThat(approved.status()).isEqualTo(QuoteStatus.APPROVED);
        assertThat(approved.approval().by()).isEqualTo(UserId.of("boss"));
        assertThat(rep.quotes().send(id).status()).isEqualTo(QuoteStatus.SENT);
        verify(sender).send(any());
        assertThat(sales.quotes().get(id).history()).extracting(QuoteChange::action).containsExactly(
                QuoteAction.CREATED, QuoteAction.APPROVAL_REQUESTED, QuoteAction.APPROVED, QuoteAction.SENT);
    }

    @Test
    void aRejectedQuoteGoesBackToDraftWithTheReasonOnRecord() {
        QuoteId id = sales.quotes().create(deal, discounted("40"));
        sales.quotes().requestApproval(id);
        assertThatThrownBy(() -> sales.quotes().reject(id, " ")).isInstanceOf(ValidationException.class);
        Quote rejected = sales.quotes().reject(id, "40 % is too much");
        assertThat(rejected.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(rejected.history()).last().satisfies(h -> {
            assertThat(h.action()).isEqualTo(QuoteAction.REJECTED);
            assertThat(h.detail()).isEqualTo("40 % is too much");
        });
    }

    @Test
    void theThresholdIsConfigurable() {
        Crm lenient = Crm.builder().storage(storage()).clock(clock).actor(actor).with(sender)
                .with(new QuotePolicy(new BigDecimal("20"))).build();
        QuoteId id = lenient.quotes().create(deal, discounted("20"));
        assertThat(lenient.quotes().get(id).approval().required()).isFalse();
        assertThat(lenient.quotes().send(id).status()).isEqualTo(QuoteStatus.SENT);
        assertThat(lenient.quotes().get(lenient.quotes().create(deal, discounted("20.01"))).approval().required())
                .isTrue();
    }

    @Test
    void aManagerNeverApprovesARevisionTheyWroteOrAskedApprovalFor() {
        QuoteId id = sales.quotes().create(deal, discounted("50"));
        sales.quotes().requestApproval(id);
        long version = sales.quotes().get(id).version();

        assertThatThrownBy(() -> sales.quotes().approve(id)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("may not approve");
        assertThat(sales.quotes().get(id).version()).as("nothing written").isEqualTo(version);
        Crm boss = sales.as(new Actor(tenant, UserId.of("boss"), Set.of(Actor.MANAGER)));
        assertThat(boss.quotes().approve(id).approval().by()).isEqualTo(UserId.of("boss"));
    }

    @Test
    void revisingASentQuoteStartsTheNextRevisionAndNeedsApprovalAgain() throws Exception {
        QuoteId id = sales.quotes().create(deal, discounted("15"));
        sales.quotes().requestApproval(id);
        sales.as(new Actor(tenant, UserId.of("boss"), Set.of(Actor.MANAGER))).quotes().approve(id);
        sales.quotes().send(id);

        clock.advance(Duration.ofDays(1));
        Quote revised = sales.quotes().revise(sales.quotes().get(id), standard());
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(revised.approval().by()).isNull();
        assertThat(revised.approval().required()).isFalse();
        assertThat(revised.totals().total()).isEqualTo(eur("7576.29"));
        assertThat(revised.history()).last().satisfies(h -> {
            assertThat(h.action()).isEqualTo(QuoteAction.REVISED);
            assertThat(h.revision()).isEqualTo(2);
            assertThat(h.detail()).isEqualTo("ENG-1 quantity 1 -> 3; ENG-1 discount 15 -> 5 %; added 2 x MILL; "
                    + "tax rate 0 -> 19 %; total 1699.99 EUR -> 7576.29 EUR");
        });

        sales.quotes().send(id);
        List<QuoteChange> sends = sales.quotes().get(id).history().stream()
                .filter(h -> h.action() == QuoteAction.SENT).toList();
        assertThat(sends).extracting(QuoteChange::revision).containsExactly(1, 2);
        assertThat(JSON.readTree(sends.get(0).document()).get("totals").get("total").asText()).isEqualTo("1699.99");
        assertThat(JSON.readTree(sends.get(1).document()).get("totals").get("total").asText()).isEqualTo("7576.29");
    }

    @Test
    void whenTheSenderFailsTheQuoteStaysUnsent() {
        QuoteId id = sales.quotes().create(deal, standard());
        doThrow(new IllegalStateException("mail server down")).when(sender).send(any());
        assertThatThrownBy(() -> sales.quotes().send(id)).hasMessage("mail server down");
        Quote q = sales.quotes().get(id);
        assertThat(q.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(q.history()).hasSize(1);
    }

    @Test
    void withoutASenderSendingIsOnlyRecorded() {
        QuoteId id = crm.quotes().create(deal, standard());
        assertThat(crm.quotes().send(id).status()).isEqualTo(QuoteStatus.SENT);
    }

    // ---- orders ----

    private OrderId acceptedOrder() {
        QuoteId id = sales.quotes().create(deal, standard());
        sales.quotes().send(id);
        return sales.quotes().accept(id);
    }

    @Test
    void anAcceptedQuoteBecomesAPlacedOrder() {
        QuoteId id = sales.quotes().create(deal, standard());
        assertThatThrownBy(() -> sales.quotes().accept(id)).isInstanceOf(IllegalTransitionException.class);
        sales.quotes().send(id);
        OrderId orderId = sales.quotes().accept(id);

        Quote q = sales.quotes().get(id);
        Order o = sales.orders().get(orderId);
        assertThat(q.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(q.order()).isEqualTo(orderId);
        assertThat(o.number()).isEqualTo("O-1");
        assertThat(o.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(o.quote()).isEqualTo(id);
        assertThat(o.opportunity()).isEqualTo(deal);
        assertThat(o.account()).isEqualTo(acme);
        assertThat(o.contact()).isEqualTo(ada);
        assertThat(o.owner()).isEqualTo(UserId.of("rep-1"));
        assertThat(o.lines()).isEqualTo(q.pricing().lines());
        assertThat(o.totals()).isEqualTo(q.totals());
        assertThat(sales.orders().ofAccount(acme)).containsExactly(o);
        assertThat(sales.orders().findByNumber("O-1")).contains(o);

        assertThatThrownBy(() -> sales.quotes().accept(id)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> sales.quotes().revise(sales.quotes().get(id), standard()))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(sales.orders().ofAccount(acme)).hasSize(1);
    }

    @Test
    void deliveryRecordsOnePurchasePerLineInCustomerTracking() {
        OrderId id = acceptedOrder();
        sales.orders().confirm(id);
        sales.orders().ship(id, "DHL 123");
        clock.advance(Duration.ofDays(2));
        Order delivered = sales.orders().deliver(id);

        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.history()).extracting(OrderStatusChange::status).containsExactly(OrderStatus.PLACED,
                OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
        assertThat(delivered.history().get(2).note()).isEqualTo("DHL 123");
        List<Purchase> purchases = sales.customers().purchases(acme);
        assertThat(purchases).extracting(Purchase::id).containsExactlyInAnyOrderElementsOf(delivered.purchases());
        assertThat(purchases).extracting(Purchase::productCode, Purchase::quantity, Purchase::unitPrice,
                Purchase::orderReference).containsExactlyInAnyOrder(
                tuple("ENG-1", 3, eur("1899.99"), "O-1"),
                tuple("MILL", 2, eur("333.33"), "O-1"));
        assertThat(purchases).allSatisfy(p -> {
            assertThat(p.contact()).isEqualTo(ada);
            assertThat(p.reps()).containsExactly(UserId.of("rep-1"));
            assertThat(p.purchasedAt()).isEqualTo(START.plus(Duration.ofDays(2)));
        });
        assertThat(purchases.stream().map(Purchase::total).reduce(Money::plus).orElseThrow())
                .isEqualTo(delivered.totals().subtotal());
        assertThat(sales.accounts().get(acme).stage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(sales.customers().timeline(acme, PageRequest.first(10)).items())
                .filteredOn(e -> e.kind() == TimelineEntry.Kind.PURCHASE).hasSize(2);
    }

    @Test
    void illegalOrderTransitionsAreRejectedAndChangeNothing() {
        OrderId id = acceptedOrder();
        assertThatThrownBy(() -> sales.orders().deliver(id)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> sales.orders().ship(id, null)).isInstanceOf(IllegalTransitionException.class);
        assertThat(sales.orders().get(id).status()).isEqualTo(OrderStatus.PLACED);
        assertThat(sales.customers().purchases(acme)).isEmpty();

        sales.orders().confirm(id);
        assertThatThrownBy(() -> sales.orders().cancel(id, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("reason")).isTrue());
        Order cancelled = sales.orders().cancel(id, "customer went bankrupt");
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.history()).last().extracting(OrderStatusChange::note)
                .isEqualTo("customer went bankrupt");
        assertThatThrownBy(() -> sales.orders().ship(id, null)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> sales.orders().confirm(id)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        OrderId id = acceptedOrder();
        sales.orders().confirm(id);
        sales.orders().ship(id, null);
        assertThatThrownBy(() -> sales.orders().cancel(id, "too late"))
                .isInstanceOf(IllegalTransitionException.class);
        sales.orders().deliver(id);
        assertThatThrownBy(() -> sales.orders().deliver(id)).isInstanceOf(IllegalTransitionException.class);
        assertThat(sales.customers().purchases(acme)).hasSize(2);
    }

    @Test
    void everyChangeRaisesAnEvent() {
        OrderId id = acceptedOrder();
        sales.orders().confirm(id);
        assertThat(events).filteredOn(SalesEvent.QuoteChanged.class::isInstance)
                .extracting(e -> ((SalesEvent.QuoteChanged) e).change().action())
                .containsExactly(QuoteAction.CREATED, QuoteAction.SENT, QuoteAction.ACCEPTED);
        assertThat(events).filteredOn(SalesEvent.OrderStatusChanged.class::isInstance)
                .extracting(e -> ((SalesEvent.OrderStatusChanged) e).order().status())
                .containsExactly(OrderStatus.PLACED, OrderStatus.CONFIRMED);
    }

    // ---- special instructions ----

    private static final String ENGRAVING = "Engrave \"Für Ada\" on each <plate>\nSerial numbers 名 in brass";
    private static final String DELIVERY = "Deliver to the back door\n\nRing twice \uD83D\uDE00";

    @Test
    void specialInstructionsPerLineAndPerOrderSurviveRevisionApprovalAcceptanceAndDelivery() throws Exception {
        QuoteId id = sales.quotes().create(deal, QuoteDraft.of(List.of(
                QuoteItem.of(engine, 3, "15").withSpecialInstructions("  " + ENGRAVING + "\n"),
                QuoteItem.of(mill, 2).withSpecialInstructions(" "))).withSpecialInstructions(DELIVERY));
        Quote created = sales.quotes().get(id);
        assertThat(created.pricing().lines()).extracting(LineItem::specialInstructions)
                .containsExactly(ENGRAVING, null);
        assertThat(created.terms().specialInstructions()).isEqualTo(DELIVERY);

        Quote revised = sales.quotes().revise(created, QuoteDraft.from(created).withTaxRate("19"));
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.pricing().lines()).extracting(LineItem::specialInstructions)
                .containsExactly(ENGRAVING, null);
        assertThat(revised.terms().specialInstructions()).isEqualTo(DELIVERY);
        assertThat(revised.history()).last().extracting(QuoteChange::detail).asString()
                .startsWith("tax rate 0 -> 19 %; ").doesNotContain("instructions");

        sales.quotes().requestApproval(id);
        sales.as(new Actor(tenant, UserId.of("boss"), Set.of(Actor.MANAGER))).quotes().approve(id);
        Quote sent = sales.quotes().send(id);
        ArgumentCaptor<OutgoingQuote> out = ArgumentCaptor.forClass(OutgoingQuote.class);
        verify(sender).send(out.capture());
        JsonNode json = JSON.readTree(out.getValue().json());
        assertThat(json.get("specialInstructions").asText()).isEqualTo(DELIVERY);
        assertThat(json.get("lines").get(0).get("specialInstructions").asText()).isEqualTo(ENGRAVING);
        assertThat(json.get("lines").get(1).get("specialInstructions").isNull()).isTrue();
        assertThat(out.getValue().html()).contains("Engrave &quot;Für Ada&quot; on each &lt;plate&gt;<br>\n"
                + "Serial numbers 名 in brass").contains("Deliver to the back door<br>\n<br>\nRing twice");
        assertThat(sent.pricing().lines()).isEqualTo(revised.pricing().lines());
        assertThat(sent.terms().specialInstructions()).isEqualTo(DELIVERY);

        OrderId orderId = sales.quotes().accept(id);
        assertThat(sales.quotes().get(id).terms().specialInstructions()).isEqualTo(DELIVERY);
        Order placed = sales.orders().get(orderId);
        assertThat(placed.lines()).isEqualTo(sent.pricing().lines());
        assertThat(placed.specialInstructions()).isEqualTo(DELIVERY);

        sales.orders().confirm(orderId);
        sales.orders().ship(orderId, null);
        Order delivered = sales.orders().deliver(orderId);
        assertThat(delivered.lines()).extracting(LineItem::specialInstructions).containsExactly(ENGRAVING, null);
        assertThat(delivered.specialInstructions()).isEqualTo(DELIVERY);

        String both = ENGRAVING + "\n\nFor the whole order: " + DELIVERY;
        assertThat(sales.customers().purchases(acme)).extracting(Purchase::productCode,
                Purchase::specialInstructions).containsExactlyInAnyOrder(tuple("ENG-1", both), tuple("MILL", DELIVERY));
        assertThat(sales.customers().purchases(ada)).extracting(Purchase::specialInstructions)
                .containsExactlyInAnyOrder(both, DELIVERY);
        assertThat(sales.customers().timeline(ada, PageRequest.first(10)).items())
                .filteredOn(e -> e.kind() == TimelineEntry.Kind.PURCHASE).extracting(TimelineEntry::summary)
                .containsExactlyInAnyOrder(
                        "Purchase: 3 x ENG-1 (Difference Engine) at 1699.99 EUR; special instructions: "
                                + "Engrave \"Für Ada\" on each <plate> / Serial numbers 名 in brass / "
                                + "For the whole order: Deliver to the back door / Ring twice \uD83D\uDE00",
                        "Purchase: 2 x MILL (Analytical <Mill> & Co) at 333.33 EUR; special instructions: "
                                + "Deliver to the back door / Ring twice \uD83D\uDE00");
    }

    @Test
    void changedSpecialInstructionsAreARevisionOnRecordAndTooLongOnesChangeNothing() {
        QuoteId id = sales.quotes().create(deal, standard());
        Quote before = sales.quotes().get(id);
        QuoteDraft tooLong = new QuoteDraft(null, null, null, List.of(QuoteItem.of(engine, 3, "5"),
                QuoteItem.of(mill, 2).withSpecialInstructions("y".repeat(SalesLimits.SPECIAL_INSTRUCTIONS + 1))),
                null, null, "x".repeat(SalesLimits.SPECIAL_INSTRUCTIONS + 1));
        assertThatThrownBy(() -> sales.quotes().revise(before, tooLong.withTaxRate("19")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("specialInstructions", "items[1].specialInstructions"));
        assertThat(sales.quotes().get(id)).isEqualTo(before);

        Quote revised = sales.quotes().revise(before, QuoteDraft.of(List.of(QuoteItem.of(engine, 3, "5"),
                QuoteItem.of(mill, 2).withSpecialInstructions("Gift wrap"))).withTaxRate("19")
                .withSpecialInstructions("Call ahead"));
        assertThat(revised.history()).last().extracting(QuoteChange::detail).isEqualTo(
                "MILL special instructions added; order special instructions added; total unchanged 7576.29 EUR");
        Quote cleared = sales.quotes().revise(revised, QuoteDraft.from(revised).withSpecialInstructions(" \n "));
        assertThat(cleared.terms().specialInstructions()).isNull();
        assertThat(cleared.pricing().lines()).extracting(LineItem::specialInstructions)
                .containsExactly(null, "Gift wrap");
        assertThat(cleared.history()).last().extracting(QuoteChange::detail)
                .isEqualTo("order special instructions removed; total unchanged 7576.29 EUR");
        assertThat(sales.quotes().get(id)).isEqualTo(cleared);
    }
}
