package dev.crmkit.core.automation;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a rule's alerts go: the host plugs in Slack, SMS or push. Called after the event's commit, at least once
 * per alert; an exception means "not sent" and the delivery is retried.
 */
@FunctionalInterface
public interface Notifier {
    /** Sends one alert. */
    void notify(Alert alert) throws Exception;

    /** One alert: to {@code recipient} (null for the tenant's default channel), about {@code subject}. */
    record Alert(TenantId tenant, UserId recipient, String subject, String message, Instant at) {
        public Alert {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(at, "at");
        }
    }
}
