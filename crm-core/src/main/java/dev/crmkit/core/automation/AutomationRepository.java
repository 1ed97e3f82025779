package dev.crmkit.core.automation;

import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Storage port for a tenant's workflow rules, their run log, the chains events belong to, and delayed runs. Every
 * lookup is an index hit: runs by (origin, rule, record), by rule and by record; chains by event; due runs by time.
 */
public interface AutomationRepository extends Repository<RuleId, AutomationRule> {
    /** The tenant's rules in the order they run: by position, then id. */
    List<AutomationRule> list();

    /**
     * Deletes the rule stored at {@code rule.version()} with its waiting runs (its run log stays); a different stored
     * version is a {@code ConcurrentUpdateException}, a missing one a {@code NotFoundException}.
     */
    void delete(AutomationRule rule);

    /** The run of {@code rule} on {@code recordId} in the chain started by {@code origin}, if there was one. */
    Optional<RuleRun> findRun(UUID origin, RuleId rule, String recordId);

    /** Logs a run; a second run with the same (origin, rule, record) is a {@code DuplicateException}. */
    void saveRun(RuleRun run);

    /** Replaces what the actions of the logged run {@code run} did. */
    void recordActions(UUID run, List<String> actions);

    /** A rule's runs, the latest first (ties: id descending). */
    Page<RuleRun> runsOf(RuleId rule, PageRequest page);

    /** The runs on one record (by its id's text), the latest first (ties: id descending). */
    Page<RuleRun> runsOn(String recordId, PageRequest page);

    /** How many runs of {@code rule} were logged: the turn counter of round-robin assignment. */
    long countRuns(RuleId rule);

    /** Records that {@code event} was raised by a rule's actions in the chain of {@code chain}. */
    void saveChain(UUID event, Chain chain);

    /** The chain {@code event} belongs to, when a rule's actions raised it. */
    Optional<Chain> chainOf(UUID event);

    /** Stores a delayed run; a second one for the same (origin, rule, record) is ignored. */
    void schedule(DueRun run);

    /** Up to {@code limit} delayed runs due at {@code now}, the earliest first. */
    List<DueRun> due(Instant now, int limit);

    /**
     * Removes a delayed run for the caller's transaction to run it: true for exactly one of several transactions
     * taking the same run (the others wait for it, then get false).
     */
    boolean take(UUID dueRun);

    /** Removes the delayed runs of {@code rule} waiting on {@code recordId}; returns how many. */
    int cancel(RuleId rule, String recordId);

    /**
     * The members of {@code segment} as the last {@link #saveWatch} left them, empty when the segment is not watched;
     * locks the watch for this transaction first, so two nodes comparing the segment's members at once take turns
     * and the second sees the first's result.
     */
    Optional<Set<UUID>> claimWatch(SegmentId segment);

    /** Starts watching {@code segment} or moves its watched members on: adds {@code entered}, drops {@code left}. */
    void saveWatch(SegmentId segment, Set<UUID> entered, Set<UUID> left);

    @Override
    default String kind() {
        return "AutomationRule";
    }

    /** Where an event raised by rules stands: the event that started the chain, and the depth below it. */
    record Chain(UUID origin, int depth) {
    }
}
