/** The names of the event types hosts, rules and webhooks refer to, and the records they carry. */
@NullMarked
package dev.crmkit.core.events;

import org.jspecify.annotations.NullMarked;
