package dev.crmkit.core.service;

/** What the customer came with. */
public enum CaseKind {
    SUPPORT_REQUEST, COMPLAINT, QUESTION
}
