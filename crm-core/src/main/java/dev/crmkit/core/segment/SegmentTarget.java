package dev.crmkit.core.segment;

/**
 * What a segment selects. LEAD covers every lead except merged and spam ones; CONTACT and ACCOUNT cover all
 * contacts and accounts.
 */
public enum SegmentTarget {
    LEAD, CONTACT, ACCOUNT
}
