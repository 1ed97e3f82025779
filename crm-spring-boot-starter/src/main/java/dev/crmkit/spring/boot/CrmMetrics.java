package dev.crmkit.spring.boot;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.lead.LeadEvent.LeadCaptured;
import dev.crmkit.core.service.ServiceEvent.CaseEscalated;
import dev.crmkit.core.tracking.TrackingEvent.TouchpointsRecorded;
import dev.crmkit.reporting.ReportService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CRMKit's meters: leads captured, touchpoints ingested and cases escalated (counted on this node, after commit),
 * report cache hits and misses, and the outbox lag (seconds the oldest waiting event has waited, every tenant).
 */
final class CrmMetrics implements MeterBinder, AutoCloseable {
    private final Crm crm;
    private final ReportService reports;
    private final Clock clock;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    CrmMetrics(Crm crm, ReportService reports, Clock clock) {
        this.crm = crm;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Counter captured = Counter.builder("crmkit.leads.captured").description("Leads captured (committed)")
                .register(registry);
        Counter ingested = Counter.builder("crmkit.touchpoints.ingested")
                .description("Touchpoints recorded through the tracking API (committed)").register(registry);
        Counter escalated = Counter.builder("crmkit.cases.escalated")
                .description("Case escalations (each missed target once)").register(registry);
        subscribe(LeadCaptured.class, e -> captured.increment());
        subscribe(TouchpointsRecorded.class, e -> ingested.increment(e.touchpoints().size()));
        subscribe(CaseEscalated.class, e -> escalated.increment());
        if (reports != null) {
            FunctionCounter.builder("crmkit.reports.cache", reports, r -> r.cacheStats().hits()).tag("result", "hit")
                    .description("Report results served from the cache").register(registry);
            FunctionCounter.builder("crmkit.reports.cache", reports, r -> r.cacheStats().misses())
                    .tag("result", "miss").description("Report results computed").register(registry);
        }
        Gauge.builder("crmkit.outbox.lag", this, CrmMetrics::outboxLagSeconds).baseUnit("seconds")
                .description("How long the oldest event has waited for its durable subscribers").register(registry);
    }

    double outboxLagSeconds() {
        return crm.events().oldestPending()
                .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }

    private <E extends DomainEvent> void subscribe(Class<E> type, Consumer<? super E> counter) {
        subscriptions.add(crm.events().subscribe(type, counter));
    }

    @Override
    public void close() {
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop counting " + s, e);
            }
        }
    }
}
