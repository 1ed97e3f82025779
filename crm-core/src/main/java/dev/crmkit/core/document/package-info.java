/** Documents attached to records: versions, media types from the bytes, and the stores that keep them. */
@NullMarked
package dev.crmkit.core.document;

import org.jspecify.annotations.NullMarked;
