package dev.crmkit.core.webhook;

import dev.crmkit.core.common.CrmException;

/**
 * Some endpoints did not take an event (another status than 2xx or 410, a timeout, a network error); the outbox
 * retries the event for them with backoff. The message names the endpoints by id, never by URL or secret.
 */
public class WebhookDeliveryException extends CrmException {
    public WebhookDeliveryException(String message) {
        super(message);
    }
}
