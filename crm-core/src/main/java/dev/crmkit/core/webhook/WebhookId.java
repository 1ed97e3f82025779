package dev.crmkit.core.webhook;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** Identifies a webhook endpoint. */
public record WebhookId(UUID value) implements EntityId {
    public WebhookId {
        Objects.requireNonNull(value, "WebhookId");
    }

    public static WebhookId of(UUID value) {
        return new WebhookId(value);
    }

    /** Parses the canonical UUID text form; a malformed text is a {@code ValidationException}. */
    public static WebhookId parse(String text) {
        try {
            return new WebhookId(UUID.fromString(text.strip()));
        } catch (RuntimeException e) {
            throw new ValidationException("WebhookId", "is not a UUID: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
