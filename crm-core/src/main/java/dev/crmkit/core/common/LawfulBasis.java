package dev.crmkit.core.common;

/** The legal ground a consent change rests on (GDPR Article 6(1) (a) to (f)). */
public enum LawfulBasis {
    CONSENT,
    CONTRACT,
    LEGAL_OBLIGATION,
    VITAL_INTERESTS,
    PUBLIC_TASK,
    LEGITIMATE_INTERESTS
}
