package dev.crmkit.core.segment;

/**
 * What a segment selects. LEAD covers every lead except merged and spam ones; CONTACT and ACCOUNT cover all
 * contacts and accounts.
 */
public enum SegmentTarget {
    LEAD("Lead"), CONTACT("Contact"), ACCOUNT("Account");

    private final String recordKind;

    SegmentTarget(String recordKind) {
        this.recordKind = recordKind;
    }

    /** The kind of the records selected, as repositories and {@code SharingSettings} name it ({@code "Lead"}). */
    public String recordKind() {
        return recordKind;
    }
}
