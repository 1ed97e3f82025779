/** The whole storage SPI an adapter implements: one transaction view over every capability. */
@NullMarked
package dev.crmkit.core.storage;

import org.jspecify.annotations.NullMarked;
