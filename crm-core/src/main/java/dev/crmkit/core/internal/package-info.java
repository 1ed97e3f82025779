/** Internals shared with CRMKit's own modules only; not an API for hosts. */
@NullMarked
package dev.crmkit.core.internal;

import org.jspecify.annotations.NullMarked;
