/** Opportunities, forecasts, products and price lists, quotes with approval, and orders through delivery. */
// Not @NullMarked yet: see docs/design-notes.md, "Nullness, checked".
package dev.crmkit.core.sales;
