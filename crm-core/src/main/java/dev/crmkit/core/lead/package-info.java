/** Leads: capture by hand and from web forms, duplicate matching, scoring, qualification and conversion. */
// Not @NullMarked yet: see docs/design-notes.md, "Nullness, checked".
package dev.crmkit.core.lead;
