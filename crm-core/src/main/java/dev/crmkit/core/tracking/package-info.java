/** Prospect tracking: ad clicks and conversions, email-link clicks, form submissions, visits, calls, interactions. */
@NullMarked
package dev.crmkit.core.tracking;

import org.jspecify.annotations.NullMarked;
