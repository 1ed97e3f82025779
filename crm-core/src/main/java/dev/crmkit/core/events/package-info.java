/** The event outbox seen from a host: subscriptions, delivery and its records. */
@NullMarked
package dev.crmkit.core.events;

import org.jspecify.annotations.NullMarked;
