package dev.crmkit.core.task;

/**
 * The longest text, in characters, tasks, teams and calendar events keep per field; longer input is a
 * {@code ValidationException} naming the field. The JPA adapter's columns are as wide (a test there reads them from
 * the database), so every adapter accepts the same values. Descriptions are unbounded.
 */
public final class TaskLimits {
    /** A task's title; shorter than its column (1000) because a title is a line in a list, not a text. */
    public static final int TASK_TITLE = 200;
    /** A team's name. */
    public static final int TEAM_NAME = 1000;
    /** A calendar event's title. */
    public static final int EVENT_TITLE = 1000;
    /** A calendar event's location. */
    public static final int EVENT_LOCATION = 1000;

    private TaskLimits() {
    }
}
