/** Webhooks: endpoints a tenant registers, signed deliveries of events, retries and their records. */
@NullMarked
package dev.crmkit.core.webhook;

import org.jspecify.annotations.NullMarked;
