package dev.crmkit.core.webhook;

import dev.crmkit.core.common.ValidationException;
import java.time.Duration;

/**
 * How webhooks are sent; give one to {@code Crm.builder().with(...)}. Retries, backoff and dead letters are the
 * outbox's ({@code DeliveryPolicy}): keep {@code connectTimeout + requestTimeout} well below its lease.
 *
 * @param connectTimeout   longest wait for a TCP (and TLS) connection to an endpoint
 * @param requestTimeout   longest wait for an endpoint's answer once the request is sent
 * @param endpointCacheTtl how long a node trusts its cached list of a tenant's event types wanted by enabled
 *                         endpoints, which decides whether an event is stored for webhooks at all. Changes made on
 *                         the same node apply at once; changes made on another node sharing the database apply here
 *                         within this time. Zero reads the endpoints on every write.
 */
public record WebhookSettings(Duration connectTimeout, Duration requestTimeout, Duration endpointCacheTtl) {
    public WebhookSettings {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new ValidationException("connectTimeout", "must be positive");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new ValidationException("requestTimeout", "must be positive");
        }
        if (endpointCacheTtl == null || endpointCacheTtl.isNegative()) {
            throw new ValidationException("endpointCacheTtl", "must be zero or positive");
        }
    }

    /** These timeouts, with the default cache time. */
    public static WebhookSettings timeouts(Duration connectTimeout, Duration requestTimeout) {
        return new WebhookSettings(connectTimeout, requestTimeout, defaults().endpointCacheTtl());
    }

    /** 5 s to connect, 10 s for the answer, endpoints cached for 30 s. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
