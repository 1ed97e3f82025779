/** The facade a host builds: {@code Crm} and its builder, one service per capability. */
@NullMarked
package dev.crmkit.core;

import org.jspecify.annotations.NullMarked;
