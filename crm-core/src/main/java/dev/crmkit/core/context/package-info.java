/** The context services run in: transactions, the acting user, the clock and the event hub. */
@NullMarked
package dev.crmkit.core.context;

import org.jspecify.annotations.NullMarked;
