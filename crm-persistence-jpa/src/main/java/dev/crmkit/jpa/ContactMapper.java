package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.customer.AgeBand;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactName;
import dev.crmkit.core.customer.ContactPoints;
import dev.crmkit.core.customer.Demographics;
import dev.crmkit.core.customer.Gender;
import dev.crmkit.core.customer.LifecycleStage;

/** {@link Contact} to {@link ContactEntity} and back. */
final class ContactMapper {
    private ContactMapper() {
    }

    static ContactEntity toRow(Contact c) {
        ContactEntity r = new ContactEntity();
        r.accountId = Ids.uuid(c.account());
        ContactName name = c.name();
        r.firstName = name.firstName();
        r.lastName = name.lastName();
        r.title = name.title();
        ContactPoints at = c.points();
        r.email = at.email() == null ? null : at.email().value();
        r.phone = at.phone() == null ? null : at.phone().value();
        r.address = AddressColumns.of(at.address());
        Demographics facts = c.demographics();
        r.birthDate = facts.birthDate();
        r.ageBand = facts.ageBand() == null ? null : facts.ageBand().name();
        r.gender = facts.gender() == null ? null : facts.gender().name();
        r.roles = JsonColumns.strings(c.roles());
        r.keyDecisionMaker = c.keyDecisionMaker();
        r.stage = c.stage().name();
        r.ownerId = Ids.user(c.owner());
        r.consentEmail = c.consent().emailMarketing();
        r.consentPhone = c.consent().phoneContact();
        r.consentPostal = c.consent().postalMail();
        r.consentTracking = c.consent().tracking();
        r.sourceLead = Ids.uuid(c.sourceLead());
        r.tags = JsonColumns.strings(c.tags());
        r.nameKey = c.nameKey();
        r.createdAt = c.createdAt();
        r.updatedAt = c.updatedAt();
        return r;
    }

    static Contact toContact(ContactEntity r) {
        return new Contact(ContactId.of(r.id), r.version, r.accountId == null ? null : AccountId.of(r.accountId),
                new ContactName(r.firstName, r.lastName, r.title),
                new ContactPoints(r.email == null ? null : EmailAddress.of(r.email),
                        r.phone == null ? null : new PhoneNumber(r.phone), AddressColumns.toAddress(r.address)),
                new Demographics(r.birthDate, r.ageBand == null ? null : AgeBand.valueOf(r.ageBand),
                        r.gender == null ? null : Gender.valueOf(r.gender)), JsonColumns.stringSet(r.roles),
                r.keyDecisionMaker, LifecycleStage.valueOf(r.stage), Ids.user(r.ownerId),
                new Consent(r.consentEmail, r.consentPhone, r.consentTracking, r.consentPostal),
                r.sourceLead == null ? null : LeadId.of(r.sourceLead), JsonColumns.stringSet(r.tags),
                r.createdAt, r.updatedAt);
    }
}
