package dev.crmkit.core.customer;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.UserId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lead or a contact, summarized for finding and grouping people across both.
 *
 * @param id            the lead's or the contact's id, as {@code kind} says
 * @param stage         PROSPECT for every lead; the contact's stage otherwise
 * @param qualification the lead's status (e.g. {@code QUALIFIED}) or the contact's stage
 * @param location      the address, if known
 */
public record Person(Kind kind, UUID id, String name, @Nullable EmailAddress email, LifecycleStage stage,
                     String qualification, @Nullable UserId owner, @Nullable Address location) {
    public enum Kind { LEAD, CONTACT }
}
