package dev.crmkit.core.automation;

/** How a rule's run ended. */
public enum RunOutcome {
    /** Every action ran; their changes committed together with this log entry. */
    DONE,
    /** An action was refused (e.g. the record has no owner to give a task to): nothing of the run was kept. */
    FAILED,
    /** Not run: the event came from a chain of rules deeper than {@link AutomationSettings#maxDepth()}. */
    SKIPPED
}
