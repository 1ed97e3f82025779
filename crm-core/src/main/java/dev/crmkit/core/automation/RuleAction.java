package dev.crmkit.core.automation;

/** One step of a rule, run in the rule's order. */
public sealed interface RuleAction {
    /** Creates a task due {@code dueInDays} after the event. */
    record CreateTask(String title, Assignee assignee, int dueInDays) implements RuleAction {
    }

    /** Raises an alert through the host's notifier. */
    record Alert(String message) implements RuleAction {
    }

    /** Makes {@code assignee} the record's owner. */
    record AssignOwner(Assignee assignee) implements RuleAction {
    }

    /** Adds a tag to the record. */
    record AddTag(String tag) implements RuleAction {
    }
}
