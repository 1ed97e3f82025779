package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactName;
import dev.crmkit.core.customer.ContactPoints;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.task.Task;
import dev.crmkit.core.task.TaskPriority;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tasks and segments in the in-memory adapter, with {@code size} contacts and as many tasks spread over 1000 reps.
 * A rep's agenda is an index hit, so its time must not grow with {@code size}; polling for reminders reads the
 * pending ones (10% of tasks, none due), so it grows with them; a segment count evaluates every contact with its
 * purchase total and last activity, so it grows linearly.
 *
 * <p>Run: {@code java -jar crm-benchmarks/target/benchmarks.jar TaskAndSegmentBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class TaskAndSegmentBenchmark {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final int REPS = 1000;

    @Param({"10000", "100000"})
    public int size;

    private Crm rep;
    private Crm host;
    private final Criteria goodActiveCustomers = Criteria.and(Criteria.field("country").eq("DE"),
            Criteria.field("purchaseTotal").ge(Money.of("100.00", "EUR")),
            Criteria.field("lastActivity").ge(T0.minus(Duration.ofDays(30))));

    @Setup(Level.Trial)
    public void fill() {
        Storage storage = InMemoryStorage.create();
        Money price = Money.of("40.00", "EUR");
        int batch = 10_000;
        for (int from = 0; from < size; from += batch) {
            int start = from;
            int end = Math.min(size, from + batch);
            storage.write(TenantId.DEFAULT, tx -> {
                List<Touchpoint> touchpoints = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    ContactId c = ContactId.of(UUID.randomUUID());
                    UserId owner = UserId.of("rep-" + (i % REPS));
                    tx.contacts().save(new Contact(c, 0, null, new ContactName("P" + i, "Person", null),
                            new ContactPoints(null, null,
                                    Address.of("City " + (i % 100), null, i % 3 == 0 ? "DE" : "FR")),
                            null, null, false, LifecycleStage.CUSTOMER, owner, null, null, null, T0, T0));
                    for (int p = 0; p < i % 4; p++) {
                        tx.purchases().save(new Purchase(PurchaseId.of(UUID.randomUUID()), 0, null, c, "SKU", null,
                                T0, 1, price, null, null, null, T0));
                    }
                    for (int t = 0; t < i % 3; t++) {
                        touchpoints.add(new Touchpoint(TouchpointId.of(UUID.randomUUID()), TouchpointKind.PHONE_CALL,
                                T0.minus(Duration.ofDays(i % 60)), null, null, null, c, null, null, null,
                                null, Channel.PHONE, 1, null, null, null, null, null, null, owner, null, null));
                    }
                    Instant due = T0.plus(Duration.ofHours(i % 200 - 100));
                    tx.tasks().save(new Task(TaskId.of(UUID.randomUUID()), 0, "Call " + i, null, null,
                            TaskPriority.NORMAL, TaskStatus.OPEN, due, i % 10 == 0 ? T0.plus(Duration.ofDays(1)) : null,
                            null, null, owner, owner, null, T0, T0, null));
                }
                tx.touchpoints().insertAll(touchpoints);
                return null;
            });
        }
        Crm crm = Crm.builder().storage(storage).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        rep = crm.as(new Actor(TenantId.DEFAULT, UserId.of("rep-7"), Set.of()));
        host = crm;
    }

    @Benchmark
    public List<Task> myOpenTasks() {
        return rep.tasks().myOpenTasks();
    }

    @Benchmark
    public List<Task> overdue() {
        return rep.tasks().overdue();
    }

    @Benchmark
    public Object pollRemindersNoneDue() {
        return host.tasks().fireDueReminders();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long segmentCount() {
        return host.segments().count(SegmentTarget.CONTACT, goodActiveCustomers);
    }
}
