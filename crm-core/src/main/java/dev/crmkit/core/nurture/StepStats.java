package dev.crmkit.core.nurture;

/**
 * How one step of a sequence did: enrollments that went through it, emails it sent (or held for quiet hours), those
 * emails clicked, and enrollments through it whose lead converted.
 */
public record StepStats(String step, long entered, long sent, long clicked, long converted) {
}
