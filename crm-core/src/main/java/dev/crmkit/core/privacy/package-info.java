/**
 * Data-subject rights: everything held about a person exported as one document, a person erased from every table,
 * retention rules, and consent per purpose.
 */
@NullMarked
package dev.crmkit.core.privacy;

import org.jspecify.annotations.NullMarked;
