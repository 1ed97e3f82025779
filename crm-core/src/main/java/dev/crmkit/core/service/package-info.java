/** Customer service: cases with tracking numbers and service levels, contracts, product info, knowledge base. */
@NullMarked
package dev.crmkit.core.service;

import org.jspecify.annotations.NullMarked;
