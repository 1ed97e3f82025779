package dev.crmkit.core.service;

/** Which service-level target a case missed; each escalates a case at most once. */
public enum EscalationKind {
    FIRST_RESPONSE, RESOLUTION
}
