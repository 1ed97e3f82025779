package dev.crmkit.core.nurture;

/** Where an enrollment stands. */
public enum EnrollmentStatus {
    /** Its current step runs when due. */
    ACTIVE,
    /** Held by a user; resuming runs the current step when due. */
    PAUSED,
    /** It reached an {@code End} step. */
    COMPLETED,
    /** It left before the end; {@link Enrollment#exitReason()} says why. */
    EXITED
}
