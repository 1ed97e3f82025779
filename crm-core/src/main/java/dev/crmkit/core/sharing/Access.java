package dev.crmkit.core.sharing;

/** How far the records of one kind are seen by default. */
public enum Access {
    /**
     * By their owner, the managers above the owner (teams they manage, and the teams managed by those teams'
     * members, down the hierarchy), the users they are shared with, and ADMINs; unassigned records by everyone.
     */
    PRIVATE,
    /** By everyone of the tenant. */
    PUBLIC
}
