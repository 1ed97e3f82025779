/** Where services run: transactions, the acting user, the clock, and the event hub, bus and outbox delivery. */
@NullMarked
package dev.crmkit.core.context;

import org.jspecify.annotations.NullMarked;
