package dev.crmkit.core.consent;

import dev.crmkit.core.common.Consent;
import java.util.Map;

/**
 * How the consent flags a lead or contact carries ({@link Consent}, what automation and lists check) relate to the
 * purposes: each flag is one purpose; SMS has no flag and lives only in the records.
 */
public final class Consents {
    private Consents() {
    }

    /** Whether the person agreed to {@code purpose}: its flag, or for SMS its latest record. */
    public static boolean granted(ConsentPurpose purpose, Consent flags, Map<ConsentPurpose, ConsentRecord> current) {
        return switch (purpose) {
            case EMAIL_MARKETING -> flags.emailMarketing();
            case PHONE -> flags.phoneContact();
            case PROFILING -> flags.tracking();
            case POSTAL_MAIL -> flags.postalMail();
            case SMS -> current.containsKey(purpose) && current.get(purpose).granted();
        };
    }

    /** {@code flags} with {@code purpose}'s flag set to {@code granted} (unchanged for SMS). */
    public static Consent with(Consent flags, ConsentPurpose purpose, boolean granted) {
        return switch (purpose) {
            case EMAIL_MARKETING -> new Consent(granted, flags.phoneContact(), flags.tracking(), flags.postalMail());
            case PHONE -> new Consent(flags.emailMarketing(), granted, flags.tracking(), flags.postalMail());
            case PROFILING -> new Consent(flags.emailMarketing(), flags.phoneContact(), granted, flags.postalMail());
            case POSTAL_MAIL -> new Consent(flags.emailMarketing(), flags.phoneContact(), flags.tracking(), granted);
            case SMS -> flags;
        };
    }
}
