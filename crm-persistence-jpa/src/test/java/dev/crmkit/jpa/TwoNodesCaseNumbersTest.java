package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.NewCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Two application nodes (two {@link JpaStorage} instances, each with its own session factory and connections, over
 * one schema) opening cases from several threads at once: the row-locked counter behind {@code spi.Sequences} hands
 * every case its own tracking number, without gaps, also when both nodes race to create the counter.
 */
@EachDatabase
class TwoNodesCaseNumbersTest {
    private static final int THREADS_PER_NODE = 3;
    private static final int CASES_PER_THREAD = 10;

    private JpaStorage nodeA;
    private JpaStorage nodeB;

    @Parameter
    TestDatabase database;

    @BeforeEach
    void startSecondNode() {
        nodeA = database.storage();
        nodeB = JpaStorage.create(database.dataSource());
    }

    @AfterEach
    void stopSecondNode() {
        nodeB.close();
    }

    @Test
    void concurrentOpeningsOnTwoNodesNeverShareATrackingNumber() throws Exception {
        TenantId tenant = TenantId.of("nodes-" + UUID.randomUUID().toString().substring(0, 8));
        Actor actor = new Actor(tenant, UserId.of("agent-1"), Set.of(Actor.MANAGER));
        Crm crmA = Crm.builder().storage(nodeA).actor(actor).build();
        Crm crmB = Crm.builder().storage(nodeB).actor(actor).build();
        AccountId acme = crmA.accounts().create(AccountDetails.named("Acme"));
        ContactId ada = crmA.contacts().create(ContactDetails.of(acme, "Ada", "Lovelace", "ada@example.com"));

        ConcurrentLinkedQueue<Case> opened = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Crm node : List.of(crmA, crmB)) {
                for (int t = 0; t < THREADS_PER_NODE; t++) {
                    futures.add(pool.submit(() -> {
                        start.await(); // no counter row exists yet: the first openings also race to create it
                        for (int i = 0; i < CASES_PER_THREAD; i++) {
                            opened.add(node.cases().open(NewCase.from(ada, Channel.PHONE, "Mill jams " + i)));
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        int total = 2 * THREADS_PER_NODE * CASES_PER_THREAD;
        List<String> numbers = opened.stream().map(Case::trackingNumber).toList();
        assertThat(new HashSet<>(numbers)).hasSize(total);
        String prefix = numbers.get(0).substring(0, numbers.get(0).lastIndexOf('-') + 1);
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, total)
                .mapToObj(n -> prefix + String.format(Locale.ROOT, "%06d", n)).toList());
        for (Case c : opened) {
            assertThat(crmB.cases().byTrackingNumber(c.trackingNumber())).map(Case::id).contains(c.id());
        }
    }
}
