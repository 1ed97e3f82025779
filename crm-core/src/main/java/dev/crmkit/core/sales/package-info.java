/** Opportunities, forecasts, products and price lists, quotes with approval, and orders through delivery. */
@NullMarked
package dev.crmkit.core.sales;

import org.jspecify.annotations.NullMarked;
