/** Accounts, contacts, account teams, purchases and feedback: the customers a tenant serves. */
// Not @NullMarked yet: see docs/design-notes.md, "Nullness, checked".
package dev.crmkit.core.customer;
