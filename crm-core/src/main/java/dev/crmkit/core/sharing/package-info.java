/**
 * Record-level visibility: which records an actor sees and may change — their own, their teams' down the management
 * hierarchy, those shared with them, unassigned ones; all for an ADMIN; everything of a kind where the host made it
 * public.
 */
@NullMarked
package dev.crmkit.core.sharing;

import org.jspecify.annotations.NullMarked;
