/** Email: templates, marketing consent per address with double opt-in, sending and suppression. */
// Not @NullMarked yet: see docs/design-notes.md, "Nullness, checked".
package dev.crmkit.core.email;
