package dev.crmkit.core.transfer;

import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.ContactName;
import dev.crmkit.core.customer.ContactPoints;
import dev.crmkit.core.customer.Demographics;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.Reach;
import org.jspecify.annotations.Nullable;

/**
 * "Update empty fields": a stored record's details with the empty ones taken from an import row; null when the row
 * fills nothing. Nothing stored is overwritten; consent, owner, stage and tags stay.
 */
final class Fill {
    private Fill() {
    }

    /** Whether {@code row} (a lead preview) has a value where {@code stored} has none: what fillEmpty would take. */
    static boolean leadFills(Lead stored, Lead row) {
        Identity had = stored.identity();
        Identity got = row.identity();
        Reach hadReach = stored.reach();
        Reach gotReach = row.reach();
        return gap(had.firstName(), got.firstName()) || gap(had.lastName(), got.lastName())
                || gap(had.company(), got.company()) || gap(had.title(), got.title())
                || gap(hadReach.email(), gotReach.email())
                || hadReach.phone() == null && hadReach.unverifiedPhone() == null
                        && (gotReach.phone() != null || gotReach.unverifiedPhone() != null)
                || gap(hadReach.address(), gotReach.address()) || gap(had.birthDate(), got.birthDate())
                || row.customFields().keySet().stream().anyMatch(k -> !stored.customFields().containsKey(k));
    }

    static @Nullable ContactDetails contact(Contact c, ContactDetails row) {
        ContactName name = c.name();
        ContactPoints at = c.points();
        Demographics facts = c.demographics();
        boolean fills = gap(name.firstName(), row.firstName()) || gap(name.lastName(), row.lastName())
                || gap(name.title(), row.title()) || gap(at.email(), row.email()) || gap(at.phone(), row.phone())
                || gap(at.address(), row.address()) || gap(facts.birthDate(), row.birthDate());
        if (!fills) {
            return null;
        }
        return new ContactDetails(c.account(), or(name.firstName(), row.firstName()),
                or(name.lastName(), row.lastName()), or(name.title(), row.title()),
                at.email() != null ? at.email().value() : row.email(),
                at.phone() != null ? at.phone().value() : row.phone(),
                or(at.address(), row.address()),
                or(facts.birthDate(), row.birthDate()), facts.birthDate() == null && row.birthDate() != null ? null
                : facts.ageBand(), facts.gender(), c.roles(), c.keyDecisionMaker(), c.owner(), c.consent(), c.tags());
    }

    static @Nullable AccountDetails account(Account a, AccountDetails row) {
        boolean fills = gap(a.industry(), row.industry()) || gap(a.address(), row.address())
                || gap(a.website(), row.website());
        if (!fills) {
            return null;
        }
        return new AccountDetails(a.name(), or(a.industry(), row.industry()), a.size(),
                or(a.address(), row.address()), or(a.website(), row.website()), a.owner(), a.tags());
    }

    private static boolean gap(@Nullable Object stored, @Nullable Object offered) {
        return stored == null && offered != null;
    }

    private static <T> @Nullable T or(@Nullable T stored, @Nullable T offered) {
        return stored != null ? stored : offered;
    }
}
