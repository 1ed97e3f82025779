package dev.crmkit.core.task;

import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where alerts go (workflow rules' {@code alert} actions, task reminders): the host plugs in Slack, SMS or push and
 * gives it to {@code Crm.builder().with(notifier)}. Called after the commit that raised the alert, from the outbox, at
 * least once per alert; an exception means "not sent" and the delivery is retried, then dead-lettered.
 */
@FunctionalInterface
public interface Notifier {
    /** Sends one alert. */
    void notify(Alert alert) throws Exception;

    /**
     * One alert: to {@code recipient} (null for the tenant's default channel), about {@code subject}. {@code id} is the
     * same on every delivery of one alert: drop repeats by it.
     */
    record Alert(UUID id, TenantId tenant, @Nullable UserId recipient, String subject, String message, Instant at) {
        public Alert {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(at, "at");
        }
    }
}
