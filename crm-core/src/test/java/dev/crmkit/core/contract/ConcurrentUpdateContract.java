package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.lead.ConvertLead;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.Opportunity;
import dev.crmkit.core.sales.OpportunityDetails;
import dev.crmkit.core.sales.Order;
import dev.crmkit.core.sales.OrderStatus;
import dev.crmkit.core.sales.ProductDetails;
import dev.crmkit.core.sales.Quote;
import dev.crmkit.core.sales.QuoteDraft;
import dev.crmkit.core.sales.QuoteItem;
import dev.crmkit.core.sales.QuoteStatus;
import dev.crmkit.core.sales.SalesEvent;
import dev.crmkit.core.service.Article;
import dev.crmkit.core.service.ArticleDraft;
import dev.crmkit.core.service.ArticleStatus;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CaseStatus;
import dev.crmkit.core.service.NewCase;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Versioned writes: a change computed from a record read is refused with {@link ConcurrentUpdateException} when
 * someone changed the record since, so no update is lost; the refused change writes nothing. Detail edits take the
 * record read (or its id and version); commands take a {@link Ref}: the record read, or the id for "as stored now".
 */
public abstract class ConcurrentUpdateContract extends ContractSupport {
    private static final int THREADS = 8;
    private static final int ROUNDS = 25;
    private static final Money ONE = Money.of("1.00", "EUR");
    private static final LocalDate CLOSE = LocalDate.of(2026, 3, 31);

    private AccountId acme;
    private ContactId ada;

    @BeforeEach
    void setUpCustomer() {
        acme = crm.accounts().create(AccountDetails.named("Acme"));
        ada = crm.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", "ada@example.com"));
    }

    private OpportunityId deal(String amount) {
        return crm.opportunities().create(NewOpportunity.of(acme, "Engines", Money.of(amount, "EUR"), CLOSE));
    }

    private static OpportunityDetails plusOne(Opportunity read) {
        return OpportunityDetails.of(read).withAmount(read.amount().plus(ONE));
    }

    /** {@code change} fails as a conflict on {@code stored}, the newer record, having read {@code stale}. */
    private static void assertRefused(ThrowingCallable change, String kind, Versioned<?, ?> stale,
                                      Versioned<?, ?> stored) {
        assertThatThrownBy(change).isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.recordId()).isEqualTo(stored.id().toString());
            assertThat(e.expectedVersion()).isEqualTo(stale.version());
            assertThat(e.actualVersion()).hasValue(stored.version());
        });
    }

    // ---- many writers ----

    /** What a parallel run of {@link #THREADS} x {@link #ROUNDS} increments took. */
    private record Run(int attempts, int retries) {
    }

    /**
     * Runs {@code round} {@link #ROUNDS} times on each of {@link #THREADS} threads at once, repeating a round that
     * fails with a conflict until it succeeds.
     */
    private static Run hammer(Runnable round) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ROUNDS; i++) {
                        while (true) {
                            attempts.incrementAndGet();
                            try {
                                round.run();
                                break;
                            } catch (ConcurrentUpdateException conflict) {
                                retries.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : writers) {
                w.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Run(attempts.get(), retries.get());
    }

    private void assertEveryIncrementCounted(OpportunityId id, Run run, TestReporter reporter) {
        int increments = THREADS * ROUNDS;
        reporter.publishEntry("retries", String.valueOf(run.retries()));
        Opportunity last = crm.opportunities().get(id);
        assertThat(last.amount()).as("amount after %d increments (%d retries)", increments, run.retries())
                .isEqualTo(Money.of("200.00", "EUR"));
        assertThat(last.version()).as("version after %d increments (%d retries)", increments, run.retries())
                .isEqualTo(1 + increments);
        assertThat(run.attempts()).as("attempts = %d increments + %d retries", increments, run.retries())
                .isEqualTo(increments + run.retries());
    }

    @Test
    void parallelIncrementsThroughTheRecordReadLoseNoUpdate(TestReporter reporter) throws Exception {
        OpportunityId id = deal("0.00");
        Run run = hammer(() -> {
            Opportunity read = crm.opportunities().get(id);
            Thread.yield(); // a host thinks between reading and writing; let the other writers in
            crm.opportunities().update(read, plusOne(read));
        });
        assertEveryIncrementCounted(id, run, reporter);
    }

    @Test
    void parallelIncrementsInsideWriteTransactionsLoseNoUpdate(TestReporter reporter) throws Exception {
        OpportunityId id = deal("0.00");
        Run run = hammer(() -> crm.inTransaction(() -> {
            Opportunity read = crm.opportunities().get(id);
            Thread.yield(); // as above: at READ COMMITTED a re-read in this transaction sees others commit
            return crm.opportunities().update(read, plusOne(read));
        }));
        assertEveryIncrementCounted(id, run, reporter);
    }

    // ---- one stale writer per aggregate ----

    @Test
    void anOpportunityEditBasedOnAStaleReadIsRefusedAndWritesNothing() {
        OpportunityId id = deal("100.00");
        Opportunity stale = crm.opportunities().get(id);
        Opportunity newer = crm.opportunities().update(crm.opportunities().get(id), plusOne(stale));
        List<SalesEvent> events = new ArrayList<>();
        crm.events().subscribe(SalesEvent.class, events::add);

        assertRefused(() -> crm.opportunities().update(stale, plusOne(stale)), "Opportunity", stale, newer);
        assertRefused(() -> crm.opportunities().update(id, stale.version(), plusOne(stale)), "Opportunity", stale,
                newer);
        assertRefused(() -> crm.opportunities().moveTo(stale, "Qualification"), "Opportunity", stale, newer);
        assertRefused(() -> crm.opportunities().closeLost(Ref.of(id, stale.version()), "budget"), "Opportunity",
                stale, newer);
        assertThat(crm.opportunities().get(id)).isEqualTo(newer);
        assertThat(events).isEmpty();

        assertThat(crm.opportunities().update(id, newer.version(), plusOne(newer)).amount())
                .isEqualTo(Money.of("102.00", "EUR"));
        assertThat(crm.opportunities().moveTo(id, "Qualification").stage()).isEqualTo("Qualification");
    }

    @Test
    void theConflictNamesRecordAndVersionsButNoFieldValue() {
        OpportunityId id = deal("100.00");
        Opportunity stale = crm.opportunities().get(id);
        crm.opportunities().setProbability(id, 35);
        crm.opportunities().setProbability(id, 40);

        assertThatThrownBy(() -> crm.opportunities().update(stale, plusOne(stale)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("Opportunity " + id + " was changed concurrently: read at version 1, stored at version 3;"
                        + " reload and apply the change again")
                .hasMessageNotContaining("Engines").hasMessageNotContaining("100.00");
    }

    @Test
    void aLeadCommandBasedOnAStaleReadIsRefusedWhileTheIdAppliesToTheCurrentLead() {
        LeadId id = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@lovelace.example"));
        Lead stale = crm.leads().get(id);
        Lead newer = crm.leads().assign(id, UserId.of("rep-2"));

        assertRefused(() -> crm.leads().startWorking(stale), "Lead", stale, newer);
        assertRefused(() -> crm.leads().disqualify(Ref.of(id, stale.version()), "no budget"), "Lead", stale, newer);
        assertRefused(() -> crm.leads().convert(stale, ConvertLead.automatically()), "Lead", stale, newer);
        assertThat(crm.leads().get(id)).isEqualTo(newer);

        Lead working = crm.leads().startWorking(id);
        assertThat(working.status()).isEqualTo(LeadStatus.WORKING);
        assertThat(crm.leads().qualify(working).status()).isEqualTo(LeadStatus.QUALIFIED);
    }

    @Test
    void mergingAStaleReadOfEitherLeadIsRefusedAndWritesNothing() {
        LeadId keep = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@lovelace.example"));
        LeadId gone = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@king.example"));
        Lead staleGone = crm.leads().get(gone);
        Lead newerGone = crm.leads().startWorking(gone);
        Lead keptBefore = crm.leads().get(keep);

        assertRefused(() -> crm.leads().merge(keep, staleGone), "Lead", staleGone, newerGone);
        assertThat(crm.leads().get(gone)).isEqualTo(newerGone);
        assertThat(crm.leads().get(keep)).isEqualTo(keptBefore);

        assertThat(crm.leads().merge(keptBefore, newerGone).id()).isEqualTo(keep);
        assertThat(crm.leads().get(gone).status()).isEqualTo(LeadStatus.MERGED);
    }

    @Test
    void aContactEditBasedOnAStaleReadIsRefusedAndWritesNothing() {
        Contact stale = crm.contacts().get(ada);
        Contact newer = crm.contacts().markKeyDecisionMaker(ada, true);
        ContactDetails renamed = ContactDetails.of(acme, "Ada", "King", "ada@example.com");

        assertRefused(() -> crm.contacts().update(stale, renamed), "Contact", stale, newer);
        assertRefused(() -> crm.contacts().update(ada, stale.version(), renamed), "Contact", stale, newer);
        assertRefused(() -> crm.contacts().markKeyDecisionMaker(stale, false), "Contact", stale, newer);
        assertThat(crm.contacts().get(ada)).isEqualTo(newer);

        assertThat(crm.contacts().update(newer, renamed).name().lastName()).isEqualTo("King");
        assertThat(crm.contacts().markKeyDecisionMaker(ada, false).keyDecisionMaker()).isFalse();
    }

    @Test
    void anAccountEditBasedOnAStaleReadIsRefusedAndWritesNothing() {
        Account stale = crm.accounts().get(acme);
        Account newer = crm.accounts().update(crm.accounts().get(acme), AccountDetails.named("Acme Europe"));

        assertRefused(() -> crm.accounts().update(stale, AccountDetails.named("Acme Inc.")), "Account", stale,
                newer);
        assertRefused(() -> crm.accounts().update(acme, stale.version(), AccountDetails.named("Acme Inc.")),
                "Account", stale, newer);
        assertThat(crm.accounts().get(acme)).isEqualTo(newer);

        assertThat(crm.accounts().update(acme, newer.version(), AccountDetails.named("Acme Inc.")).name())
                .isEqualTo("Acme Inc.");
    }

    private ProductId engine;

    private QuoteId sentQuote() {
        engine = crm.products().create(ProductDetails.of("ENG-1", "Difference Engine"));
        crm.products().createPriceBook("Europe", "EUR");
        crm.products().setListPrice(engine, Money.of("1999.99", "EUR"));
        QuoteId id = crm.quotes().create(deal("10000.00"), QuoteDraft.of(List.of(QuoteItem.of(engine, 1))));
        crm.quotes().send(id);
        return id;
    }

    @Test
    void acceptingAQuoteRevisedSinceItWasReadIsRefusedAndPlacesNoOrder() {
        QuoteId id = sentQuote();
        Quote stale = crm.quotes().get(id);
        QuoteDraft twoEngines = QuoteDraft.of(List.of(QuoteItem.of(engine, 2)));
        Quote revised = crm.quotes().revise(stale, twoEngines);

        assertRefused(() -> crm.quotes().accept(stale), "Quote", stale, revised);
        assertRefused(() -> crm.quotes().accept(Ref.of(id, stale.version())), "Quote", stale, revised);
        assertRefused(() -> crm.quotes().revise(stale, twoEngines), "Quote", stale, revised);
        assertRefused(() -> crm.quotes().revise(id, stale.version(), twoEngines), "Quote", stale, revised);
        assertThat(crm.quotes().get(id)).isEqualTo(revised);
        assertThat(crm.orders().ofAccount(acme)).isEmpty();

        assertThat(crm.quotes().send(revised).status()).isEqualTo(QuoteStatus.SENT);
        OrderId order = crm.quotes().accept(id);
        assertThat(crm.orders().get(order).lines()).singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
    }

    @Test
    void cancellingAnOrderConfirmedSinceItWasReadIsRefused() {
        OrderId id = crm.quotes().accept(sentQuote());
        Order stale = crm.orders().get(id);
        Order confirmed = crm.orders().confirm(id);

        assertRefused(() -> crm.orders().cancel(stale, "customer called"), "Order", stale, confirmed);
        assertRefused(() -> crm.orders().ship(Ref.of(id, stale.version()), "T-1"), "Order", stale, confirmed);
        assertThat(crm.orders().get(id)).isEqualTo(confirmed);

        assertThat(crm.orders().ship(confirmed, "T-1").status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(crm.orders().deliver(id).status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void resolvingACaseReassignedSinceItWasReadIsRefused() {
        CaseId id = crm.cases().open(NewCase.from(ada, Channel.PHONE, "Mill jams")).id();
        Case stale = crm.cases().get(id);
        Case reassigned = crm.cases().assign(id, UserId.of("rep-2"));

        assertRefused(() -> crm.cases().resolve(stale, "oiled"), "Case", stale, reassigned);
        assertRefused(() -> crm.cases().comment(Ref.of(id, stale.version()), "oiled it", true), "Case", stale,
                reassigned);
        assertThat(crm.cases().get(id)).isEqualTo(reassigned);

        assertThat(crm.cases().resolve(id, "oiled").status()).isEqualTo(CaseStatus.RESOLVED);
    }

    @Test
    void completingATaskRescheduledSinceItWasReadIsRefused() {
        TaskId id = crm.tasks().create(NewTask.of("Call Ada back"));
        Task stale = crm.tasks().get(id);
        Task rescheduled = crm.tasks().reschedule(id, START.plus(Duration.ofDays(2)));

        assertRefused(() -> crm.tasks().complete(stale), "Task", stale, rescheduled);
        assertRefused(() -> crm.tasks().reschedule(Ref.of(id, stale.version()), START.plus(Duration.ofDays(1))),
                "Task", stale, rescheduled);
        assertThat(crm.tasks().get(id)).isEqualTo(rescheduled);

        assertThat(crm.tasks().complete(id).status()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void publishingAnArticleEditedSinceItWasReadIsRefused() {
        Article stale = crm.knowledge().create(ArticleDraft.of("Reset the router", "Hold the reset button."));
        Article edited = crm.knowledge().edit(stale, ArticleDraft.of("Reset the router", "Unplug it."));

        assertRefused(() -> crm.knowledge().publish(stale), "Article", stale, edited);
        assertRefused(() -> crm.knowledge().edit(stale, ArticleDraft.of("Reset", "Hold it.")), "Article", stale,
                edited);
        assertRefused(() -> crm.knowledge().edit(stale.id(), stale.version(), ArticleDraft.of("Reset", "Hold it.")),
                "Article", stale, edited);
        assertThat(crm.knowledge().get(stale.id())).isEqualTo(edited);

        assertThat(crm.knowledge().publish(stale.id()).status()).isEqualTo(ArticleStatus.PUBLISHED);
    }
}
