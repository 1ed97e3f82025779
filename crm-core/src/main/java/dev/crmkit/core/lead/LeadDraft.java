package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A mutable copy of a {@link Lead} for the service's multi-field changes; {@link #build()} validates via Lead. */
final class LeadDraft {
    LeadId id;
    long version;
    String firstName;
    String lastName;
    String company;
    String title;
    EmailAddress email;
    PhoneNumber phone;
    String unverifiedPhone;
    Address address;
    LocalDate birthDate;
    LeadSource source;
    Attribution attribution;
    Consent consent;
    LeadStatus status;
    String unqualifiedReason;
    int score;
    UserId owner;
    boolean spam;
    List<DuplicateMatch> duplicates = new ArrayList<>();
    Set<String> visitorIds = new LinkedHashSet<>();
    Set<String> tags = new LinkedHashSet<>();
    Map<String, String> customFields = new LinkedHashMap<>();
    String nameKey;
    LeadId mergedInto;
    AccountId convertedAccount;
    ContactId convertedContact;
    Instant createdAt;
    Instant updatedAt;
    List<LeadHistoryEntry> history = new ArrayList<>();

    static LeadDraft from(Lead l) {
        LeadDraft d = new LeadDraft();
        d.id = l.id();
        d.version = l.version();
        d.firstName = l.firstName();
        d.lastName = l.lastName();
        d.company = l.company();
        d.title = l.title();
        d.email = l.email();
        d.phone = l.phone();
        d.unverifiedPhone = l.unverifiedPhone();
        d.address = l.address();
        d.birthDate = l.birthDate();
        d.source = l.source();
        d.attribution = l.attribution();
        d.consent = l.consent();
        d.status = l.status();
        d.unqualifiedReason = l.unqualifiedReason();
        d.score = l.score();
        d.owner = l.owner();
        d.spam = l.spam();
        d.duplicates = new ArrayList<>(l.duplicates());
        d.visitorIds = new LinkedHashSet<>(l.visitorIds());
        d.tags = new LinkedHashSet<>(l.tags());
        d.customFields = new LinkedHashMap<>(l.customFields());
        d.nameKey = l.nameKey();
        d.mergedInto = l.mergedInto();
        d.convertedAccount = l.convertedAccount();
        d.convertedContact = l.convertedContact();
        d.createdAt = l.createdAt();
        d.updatedAt = l.updatedAt();
        d.history = new ArrayList<>(l.history());
        return d;
    }

    LeadDraft log(Instant at, UserId by, String action, String detail) {
        history.add(new LeadHistoryEntry(at, by, action, detail));
        updatedAt = at;
        return this;
    }

    Lead build() {
        return new Lead(id, version, firstName, lastName, company, title, email, phone, unverifiedPhone, address,
                birthDate, source, attribution, consent, status, unqualifiedReason, score, owner, spam, duplicates,
                visitorIds, tags, customFields, nameKey, mergedInto, convertedAccount, convertedContact, createdAt,
                updatedAt, history);
    }
}
