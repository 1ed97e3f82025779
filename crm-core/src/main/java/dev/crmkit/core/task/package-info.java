/** Tasks, reminders, follow-ups and the calendar; teams and the managers who assign work. */
@NullMarked
package dev.crmkit.core.task;

import org.jspecify.annotations.NullMarked;
