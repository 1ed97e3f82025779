/** The in-memory storage adapter: the embedded default and the reference the contract suites compare with. */
@NullMarked
package dev.crmkit.core.memory;

import org.jspecify.annotations.NullMarked;
