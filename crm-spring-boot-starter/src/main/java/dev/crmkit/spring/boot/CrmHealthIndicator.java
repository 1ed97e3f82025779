package dev.crmkit.spring.boot;

import dev.crmkit.core.Crm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * CRMKit's health: DOWN when its storage cannot be read or events have waited for their subscribers longer than
 * {@code crmkit.health.max-outbox-lag} (dispatch stopped: no node holds the scheduler, or a subscriber keeps
 * failing); details give the lag.
 */
final class CrmHealthIndicator extends AbstractHealthIndicator {
    private final Crm crm;
    private final Clock clock;
    private final Duration maxLag;

    CrmHealthIndicator(Crm crm, Clock clock, Duration maxLag) {
        super("CRMKit health check failed");
        this.crm = crm;
        this.clock = clock;
        this.maxLag = maxLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<Instant> oldest = crm.events().oldestPending();
        Duration lag = oldest.map(o -> Duration.between(o, clock.instant())).filter(d -> !d.isNegative())
                .orElse(Duration.ZERO);
        builder.withDetail("outboxLagSeconds", lag.toSeconds()).withDetail("maxOutboxLagSeconds", maxLag.toSeconds());
        if (lag.compareTo(maxLag) > 0) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
