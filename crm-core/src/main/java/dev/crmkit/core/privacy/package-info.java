/** Data-subject rights: everything held about a person, exported as one document. */
@NullMarked
package dev.crmkit.core.privacy;

import org.jspecify.annotations.NullMarked;
