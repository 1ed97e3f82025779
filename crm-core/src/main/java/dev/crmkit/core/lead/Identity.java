package dev.crmkit.core.lead;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Who a lead is: the person's name, where they work and, when known, their date of birth. A lead always has a first or
 * a last name.
 *
 * @param birthDate date of birth, when known (duplicate matching compares it)
 */
public record Identity(@Nullable String firstName, @Nullable String lastName, @Nullable String company,
                       @Nullable String title, @Nullable LocalDate birthDate) {
}
