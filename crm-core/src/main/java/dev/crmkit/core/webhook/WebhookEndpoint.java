package dev.crmkit.core.webhook;

import dev.crmkit.core.common.Versioned;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a tenant's events are POSTed: an http(s) URL, the secret the deliveries are signed with, and the names of
 * the event types it wants ({@code dev.crmkit.core.events.EventTypes}; empty means every type). A disabled endpoint gets
 * nothing; {@code disabledReason} says why (an administrator, or the receiver answering 410 Gone). The generated
 * {@code toString()} shows the secret as {@code ****}.
 *
 * @param eventTypes event type names; empty for all
 * @param description free text for administrators, or null
 */
public record WebhookEndpoint(WebhookId id, long version, URI url, WebhookSecret secret, Set<String> eventTypes,
                              @Nullable String description, boolean enabled, @Nullable String disabledReason,
                              Instant createdAt, Instant updatedAt) implements Versioned<WebhookId, WebhookEndpoint> {
    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        disabledReason = enabled ? null : disabledReason;
    }

    /** Whether events of the type named {@code eventType} are for this endpoint (enabled or not). */
    public boolean wants(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }

    /** Whether this endpoint is to receive an event of {@code eventType} that occurred at {@code occurredAt}. */
    boolean receives(String eventType, Instant occurredAt) {
        // Events from before the endpoint existed are not its business, also when they are delivered late.
        return enabled && wants(eventType) && !createdAt.isAfter(occurredAt);
    }

    /** A copy with new settings; enabled state and history stay. */
    WebhookEndpoint with(URI newUrl, WebhookSecret newSecret, Set<String> newEventTypes,
            @Nullable String newDescription,
                         Instant now) {
        return new WebhookEndpoint(id, version, newUrl, newSecret, newEventTypes, newDescription, enabled,
                disabledReason, createdAt, now);
    }

    /** A copy that receives events again. */
    WebhookEndpoint enable(Instant now) {
        return new WebhookEndpoint(id, version, url, secret, eventTypes, description, true, null, createdAt, now);
    }

    /** A copy that receives nothing, for {@code reason}. */
    WebhookEndpoint disable(String reason, Instant now) {
        return new WebhookEndpoint(id, version, url, secret, eventTypes, description, false,
                WebhookLimits.cut(reason, WebhookLimits.DISABLED_REASON), createdAt, now);
    }

    @Override
    public WebhookEndpoint withVersion(long newVersion) {
        return new WebhookEndpoint(id, newVersion, url, secret, eventTypes, description, enabled, disabledReason,
                createdAt, updatedAt);
    }
}
