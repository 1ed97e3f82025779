/** Segments: criteria over leads, contacts and accounts, previewed and kept as lists. */
@NullMarked
package dev.crmkit.core.segment;

import org.jspecify.annotations.NullMarked;
