package dev.crmkit.jpa;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity(name = "ContactRow")
@Table(name = "crm_contact")
@IdClass(TenantKey.class)
class ContactEntity extends VersionedRow {
    UUID accountId;
    String firstName;
    String lastName;
    String title;
    String email;
    String phone;
    @Embedded
    AddressColumns address;
    LocalDate birthDate;
    String ageBand;
    String gender;
    String roles;
    boolean keyDecisionMaker;
    String stage;
    String ownerId;
    boolean consentEmail;
    boolean consentPhone;
    boolean consentPostal;
    boolean consentTracking;
    UUID sourceLead;
    String tags;
    String nameKey;
    Instant createdAt;
    Instant updatedAt;
}
