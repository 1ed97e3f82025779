package dev.crmkit.core.task;

/** How urgent a task is, lowest first; lists show higher priorities first among tasks due at the same time. */
public enum TaskPriority {
    LOW, NORMAL, HIGH, URGENT
}
