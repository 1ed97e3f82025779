/** Leads: capture by hand and from web forms, duplicate matching, scoring, qualification and conversion. */
@NullMarked
package dev.crmkit.core.lead;

import org.jspecify.annotations.NullMarked;
