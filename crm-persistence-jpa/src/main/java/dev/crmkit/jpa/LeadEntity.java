package dev.crmkit.jpa;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity(name = "LeadRow")
@Table(name = "crm_lead")
@IdClass(TenantKey.class)
class LeadEntity extends VersionedRow {
    String firstName;
    String lastName;
    String company;
    String title;
    String email;
    String phone;
    String unverifiedPhone;
    @Embedded
    AddressColumns address;
    LocalDate birthDate;
    String source;
    UUID campaignId;
    UUID adId;
    UUID affiliateId;
    boolean consentEmail;
    boolean consentPhone;
    boolean consentPostal;
    boolean consentTracking;
    String status;
    String unqualifiedReason;
    int score;
    String ownerId;
    boolean spam;
    String duplicates;
    String visitorIds;
    String tags;
    String customFields;
    String history;
    UUID mergedInto;
    UUID convertedAccount;
    UUID convertedContact;
    Instant createdAt;
    Instant updatedAt;
}
