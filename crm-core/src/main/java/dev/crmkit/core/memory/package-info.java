/** The in-memory storage adapter: the embedded default and the reference the contract suites compare with. */
// Not @NullMarked yet: see docs/design-notes.md, "Nullness, checked".
package dev.crmkit.core.memory;
