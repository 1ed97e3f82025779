/** Values every capability shares: typed ids, money, addresses, consent, the exception root. */
@NullMarked
package dev.crmkit.core.common;

import org.jspecify.annotations.NullMarked;
