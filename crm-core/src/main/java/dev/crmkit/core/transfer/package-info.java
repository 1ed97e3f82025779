/** Bulk import and export: CSV and vCard files, column mappings, dedupe policies and safe spreadsheets. */
// Not @NullMarked yet: see docs/design-notes.md, "Nullness, checked".
package dev.crmkit.core.transfer;
