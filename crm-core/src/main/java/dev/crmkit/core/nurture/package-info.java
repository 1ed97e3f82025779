/** Nurture sequences: multi-step email journeys that enrolled leads walk on the host's schedule. */
@NullMarked
package dev.crmkit.core.nurture;

import org.jspecify.annotations.NullMarked;
