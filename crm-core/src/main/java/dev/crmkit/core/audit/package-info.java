/**
 * The audit trail: every save of an aggregate through a service leaves an entry naming who, when, through which
 * service method, and which fields changed from what to what, in the same transaction as the change. Entries are read
 * through {@link dev.crmkit.core.audit.AuditService}; nothing in the API edits them.
 */
@NullMarked
package dev.crmkit.core.audit;

import org.jspecify.annotations.NullMarked;
