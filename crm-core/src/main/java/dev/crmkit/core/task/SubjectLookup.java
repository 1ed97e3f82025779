package dev.crmkit.core.task;

/**
 * Whether the record a {@link Subject} names exists. Leads, contacts, accounts, opportunities and cases live in
 * packages above {@code task}, so the storage transaction supplies this lookup ({@link TaskTx#subjects()}).
 */
public interface SubjectLookup {
    boolean exists(Subject subject);
}
