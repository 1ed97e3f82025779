package dev.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.ConcurrentUpdateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.testkit.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryConcurrencyTest {
    /**
     * Many threads doing read-modify-write with retry on conflict: every increment survives (no lost update), and
     * conflicts do happen (the version check is really exercised).
     */
    @Test
    void optimisticLockingLosesNoUpdate() throws Exception {
        InMemoryStorage storage = InMemoryStorage.create();
        TenantId tenant = TenantId.of("concurrency");
        LeadId id = LeadId.of(UUID.randomUUID());
        storage.write(tenant, tx -> tx.leads().save(Samples.lead(id, "ada@example.com")));
        int threads = 8;
        int incrementsPerThread = 200;
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < incrementsPerThread; i++) {
                        while (true) {
                            Lead read = storage.read(tenant, tx -> tx.leads().get(id));
                            Thread.yield(); // widen the window between read and write
                            try {
                                storage.write(tenant, tx -> tx.leads().save(withScore(read, read.score() + 1)));
                                break;
                            } catch (ConcurrentUpdateException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Lead last = storage.read(tenant, tx -> tx.leads().get(id));
        int initial = Samples.lead(id, "ada@example.com").score();
        assertThat(last.score()).isEqualTo(initial + threads * incrementsPerThread);
        assertThat(last.version()).isEqualTo(1 + threads * incrementsPerThread);
        assertThat(conflicts.get()).isPositive();
    }

    private static Lead withScore(Lead l, int score) {
        return new Lead(l.id(), l.version(), l.identity(), l.reach(), l.origin(), l.consent(), l.status(),
                l.outcome(), score, l.spam(), l.owner(), l.duplicates(), l.visitorIds(), l.tags(), l.customFields(),
                l.createdAt(), l.updatedAt(), l.history());
    }
}
