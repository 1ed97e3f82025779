/** The storage SPI's lowest part: transactions and repositories every capability shares. */
@NullMarked
package dev.crmkit.core.spi;

import org.jspecify.annotations.NullMarked;
