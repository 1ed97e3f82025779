package dev.crmkit.core.webhook;

import dev.crmkit.core.spi.Tx;

/**
 * The storage transaction as this capability sees it: the tenant's webhook endpoints and what each event became at
 * each of them.
 */
public interface WebhookTx extends Tx {
    WebhookRepository webhooks();
}
