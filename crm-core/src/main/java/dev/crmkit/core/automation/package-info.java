/** Automation rules: when an event happens and conditions hold, run the actions the tenant chose. */
@NullMarked
package dev.crmkit.core.automation;

import org.jspecify.annotations.NullMarked;
