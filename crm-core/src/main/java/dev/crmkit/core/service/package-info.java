/** Customer service: cases with tracking numbers and service levels, contracts, product info, knowledge base. */
// Not @NullMarked yet: see docs/design-notes.md, "Nullness, checked".
package dev.crmkit.core.service;
