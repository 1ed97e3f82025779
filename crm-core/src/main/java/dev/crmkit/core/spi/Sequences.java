package dev.crmkit.core.spi;

/**
 * Named counters of one tenant, for numbers people read (support tracking numbers) and for rotations (round-robin
 * assignment). A value is handed out inside the write transaction: when that transaction rolls back, the value was
 * never seen by anyone and may be handed out again; once committed, it is never handed out again for that name,
 * also not to a concurrent transaction of another node sharing the database.
 */
public interface Sequences {
    /** The longest counter name, in characters; the services' names (prefix plus a setting) stay within it. */
    int MAX_NAME = 128;

    /** The next value of counter {@code name}: 1 for a new counter, then 2, 3, ... */
    long next(String name);

    /** The last value handed out for {@code name} (committed or by this transaction), or 0 if none. */
    long current(String name);
}
