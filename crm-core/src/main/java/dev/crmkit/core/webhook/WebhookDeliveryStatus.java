package dev.crmkit.core.webhook;

/** How the last POST of one event to one endpoint ended. */
public enum WebhookDeliveryStatus {
    /** The endpoint answered 2xx: it will not get this event again. */
    DELIVERED,
    /** Another status, a timeout or a network error: tried again with the event's retries. */
    FAILED,
    /** The endpoint answered 410 Gone and was disabled. */
    GONE
}
