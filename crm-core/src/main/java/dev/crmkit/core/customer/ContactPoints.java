package dev.crmkit.core.customer;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.PhoneNumber;
import org.jspecify.annotations.Nullable;

/** How a contact can be reached; every part is optional. */
public record ContactPoints(@Nullable EmailAddress email, @Nullable PhoneNumber phone, @Nullable Address address) {
    public static final ContactPoints NONE = new ContactPoints(null, null, null);
}
