package dev.crmkit.core.lead;

import java.util.UUID;

/**
 * A record that looks like the same person: which one ({@code kind} + {@code id}), why, and how similar (0..1;
 * 1 for exact key matches).
 */
public record DuplicateMatch(Kind kind, UUID id, Reason reason, double similarity) {
    public enum Kind { LEAD, CONTACT }

    public enum Reason { EMAIL, PHONE, NAME_AND_COMPANY }
}
