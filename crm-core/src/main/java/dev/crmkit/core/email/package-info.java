/** Email: templates, marketing consent per address with double opt-in, sending and suppression. */
@NullMarked
package dev.crmkit.core.email;

import org.jspecify.annotations.NullMarked;
