package dev.crmkit.core.webhook;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint as an administrator enters it, before validation: an absolute http or https {@code url}, a
 * {@code secret} of at least {@value WebhookLimits#SECRET_MIN_BYTES} bytes, the event type names to send (see
 * {@code EventTypes.names()}; empty sends every type) and an optional description. Its {@code toString()} hides the
 * secret.
 *
 * <pre>{@code
 * NewWebhook.of("https://hooks.example.com/crm", secret)
 *         .eventTypes(Set.of("LeadCaptured", "OrderStatusChanged"))
 * }</pre>
 */
public record NewWebhook(String url, String secret, Set<String> eventTypes, @Nullable String description) {
    public NewWebhook {
        // A LinkedHashSet keeps a null name, so validation can report it instead of a NullPointerException.
        eventTypes = eventTypes == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(eventTypes));
    }

    /** An endpoint for every event type. */
    public static NewWebhook of(String url, String secret) {
        return new NewWebhook(url, secret, Set.of(), null);
    }

    /** The settings of {@code endpoint} (its secret included), to change some of them for an update. */
    public static NewWebhook from(WebhookEndpoint endpoint) {
        return new NewWebhook(endpoint.url().toString(), endpoint.secret().value(), endpoint.eventTypes(),
                endpoint.description());
    }

    public NewWebhook url(String value) {
        return new NewWebhook(value, secret, eventTypes, description);
    }

    public NewWebhook secret(String value) {
        return new NewWebhook(url, value, eventTypes, description);
    }

    /** The event type names to send; empty for all. */
    public NewWebhook eventTypes(Set<String> value) {
        return new NewWebhook(url, secret, value, description);
    }

    public NewWebhook description(String value) {
        return new NewWebhook(url, secret, eventTypes, value);
    }

    @Override
    public String toString() {
        return "NewWebhook[url=" + url + ", secret=****, eventTypes=" + eventTypes + ", description=" + description
                + "]";
    }
}
