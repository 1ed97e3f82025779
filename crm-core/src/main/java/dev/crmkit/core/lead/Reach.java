package dev.crmkit.core.lead;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * How a lead can be reached; every part is optional.
 *
 * @param unverifiedPhone a phone number an import gave that could not be verified, kept as entered (then
 *                        {@code phone} is null); matching compares its digits
 */
public record Reach(@Nullable EmailAddress email, @Nullable PhoneNumber phone, @Nullable String unverifiedPhone,
                    @Nullable Address address) {
    public static final Reach NONE = new Reach(null, null, null, null);
}
