package dev.crmkit.core.audit;

/** What a write did to a record. */
public enum AuditAction {
    /** The record's first version: its values are those its first {@link #UPDATED} entries name as before. */
    CREATED,
    /** Fields changed: each {@link FieldChange} names the value before and after. */
    UPDATED,
    /** The record was deleted: each {@link FieldChange} names a value it held, {@code after} null. */
    DELETED,
    /**
     * The person this record held was erased (a data-subject request or a retention rule): the record and its earlier
     * entries are gone; this entry, naming no values, keeps the fact, who asked and when.
     */
    ERASED
}
