package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.storage.StorageTx;
import dev.crmkit.core.testkit.Samples;
import dev.crmkit.core.tracking.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two application nodes: two separate {@link JpaStorage} instances (each its own Hibernate session factory and
 * connections) over one PostgreSQL schema, updating the same aggregate.
 */
class PostgresTwoNodesTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.of(TestDatabase.Kind.POSTGRESQL);

    private static JpaStorage nodeA;
    private static JpaStorage nodeB;

    private final TenantId tenant = TenantId.of("nodes-" + UUID.randomUUID().toString().substring(0, 8));

    @BeforeAll
    static void startSecondNode() {
        nodeA = DATABASE.storage();
        nodeB = JpaStorage.create(DATABASE.dataSource());
    }

    @AfterAll
    static void stopSecondNode() {
        nodeB.close();
    }

    @Test
    void theSecondWriterOfAStaleVersionFailsAndWritesNothing() {
        LeadId id = LeadId.of(UUID.randomUUID());
        nodeA.write(tenant, tx -> tx.leads().save(Samples.lead(id, "ada@example.com")));
        Lead readByA = nodeA.read(tenant, tx -> tx.leads().get(id));
        Lead readByB = nodeB.read(tenant, tx -> tx.leads().get(id));

        nodeA.write(tenant, tx -> tx.leads().save(withScoreAndVisitors(readByA, 1, Set.of("from-a"))));
        assertThatThrownBy(() -> nodeB.write(tenant, tx ->
                tx.leads().save(withScoreAndVisitors(readByB, 2, Set.of("from-b")))))
                .isInstanceOf(ConcurrentUpdateException.class);

        Lead stored = nodeB.read(tenant, tx -> tx.leads().get(id));
        assertThat(stored.score()).isEqualTo(1);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(nodeB.read(tenant, (StorageTx tx) -> tx.leads().findByVisitorId("from-b"))).isEmpty();
        assertThat(nodeB.read(tenant, (StorageTx tx) -> tx.leads().findByVisitorId("from-a"))).containsExactly(stored);
    }

    /** Read-modify-write with retry from both nodes at once: every increment survives, and conflicts did occur. */
    @Test
    void concurrentIncrementsFromTwoNodesLoseNoUpdate() throws Exception {
        LeadId id = LeadId.of(UUID.randomUUID());
        Lead initial = nodeA.write(tenant, tx -> tx.leads().save(Samples.lead(id, "ada@example.com")));
        int threadsPerNode = 2;
        int incrementsPerThread = 20;
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerNode);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (JpaStorage node : List.of(nodeA, nodeB)) {
                for (int t = 0; t < threadsPerNode; t++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < incrementsPerThread; i++) {
                            while (true) {
                                Lead read = node.read(tenant, tx -> tx.leads().get(id));
                                try {
                                    node.write(tenant, tx -> tx.leads().save(
                                            withScoreAndVisitors(read, read.score() + 1, read.visitorIds())));
                                    break;
                                } catch (ConcurrentUpdateException e) {
                                    conflicts.incrementAndGet();
                                }
                            }
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
        int total = 2 * threadsPerNode * incrementsPerThread;
        Lead last = nodeA.read(tenant, tx -> tx.leads().get(id));
        assertThat(last.score()).isEqualTo(initial.score() + total);
        assertThat(last.version()).isEqualTo(1 + total);
        assertThat(conflicts.get()).isPositive();
    }

    /**
     * Both nodes ingest the same event at once: the second blocks on the unique constraint until the first commits,
     * then skips the event and stores the rest of its batch. Neither fails, and the event is stored once.
     */
    @Test
    void theSameEventIngestedByTwoNodesAtOnceIsStoredOnce() throws Exception {
        Touchpoint byA = Samples.click(TouchpointId.of(UUID.randomUUID()), "evt-race", "v-1", Samples.at(1));
        Touchpoint byB = Samples.click(TouchpointId.of(UUID.randomUUID()), "evt-race", "v-1", Samples.at(1));
        Touchpoint other = Samples.click(TouchpointId.of(UUID.randomUUID()), "evt-other", "v-1", Samples.at(2));
        CountDownLatch aInserted = new CountDownLatch(1);
        CountDownLatch aMayCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Touchpoint>> a = pool.submit(() -> nodeA.write(tenant, tx -> {
                List<Touchpoint> inserted = tx.touchpoints().insertAll(List.of(byA));
                aInserted.countDown();
                awaitQuietly(aMayCommit);
                return inserted;
            }));
            aInserted.await();
            Future<List<Touchpoint>> b = pool.submit(() -> nodeB.write(tenant,
                    tx -> tx.touchpoints().insertAll(List.of(byB, other))));
            Thread.sleep(300); // let B run into A's uncommitted row
            aMayCommit.countDown();

            assertThat(a.get(30, TimeUnit.SECONDS)).containsExactly(byA);
            assertThat(b.get(30, TimeUnit.SECONDS)).containsExactly(other);
        } finally {
            pool.shutdownNow();
        }
        assertThat(nodeB.read(tenant, (StorageTx tx) -> tx.touchpoints().findByVisitor("v-1")))
                .containsExactly(byA, other);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Lead withScoreAndVisitors(Lead l, int score, Set<String> visitors) {
        return new Lead(l.id(), l.version(), l.identity(), l.reach(), l.origin(), l.consent(), l.status(),
                l.outcome(), score, l.spam(), l.owner(), l.duplicates(), visitors, l.tags(), l.customFields(),
                l.createdAt(), l.updatedAt(), l.history());
    }
}
