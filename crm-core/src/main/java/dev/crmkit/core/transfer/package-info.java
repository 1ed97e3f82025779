/** Bulk import and export: CSV and vCard files, column mappings, dedupe policies and safe spreadsheets. */
@NullMarked
package dev.crmkit.core.transfer;

import org.jspecify.annotations.NullMarked;
