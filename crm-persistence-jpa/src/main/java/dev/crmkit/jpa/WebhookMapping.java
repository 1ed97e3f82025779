package dev.crmkit.jpa;

import java.util.List;

/** The webhook entity classes (schema {@code V8__webhooks.sql}), registered with {@link JpaStorage}. */
final class WebhookMapping {
    static final List<Class<?>> ENTITIES = List.of(WebhookEntity.class, WebhookDeliveryRow.class);

    private WebhookMapping() {
    }
}
