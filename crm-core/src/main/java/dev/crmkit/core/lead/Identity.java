package dev.crmkit.core.lead;

import dev.crmkit.core.common.MatchKeys;
import java.time.LocalDate;

/**
 * Who a lead is: the person's name, where they work and, when known, their date of birth. A lead always has a first or
 * a last name.
 *
 * @param birthDate date of birth, when known (duplicate matching compares it)
 */
public record Identity(String firstName, String lastName, String company, String title, LocalDate birthDate) {

    /** The name's matching key (case, spacing and punctuation removed) that duplicate search looks leads up by. */
    public String nameKey() {
        return MatchKeys.person(firstName, lastName);
    }
}
