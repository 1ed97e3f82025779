package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A record that looks like the same person: which one ({@code kind} + {@code id}), why, and how sure.
 *
 * @param reason      the strongest evidence: an equal email, an equal phone, a similar name at a similar company, or
 *                    the person's fields together (name, birth date, address)
 * @param similarity  the match probability the score gives at even prior odds, 0..1
 * @param score       the sum of the explanation's weights (see {@link DuplicateRules})
 * @param certainty   which threshold the score reached
 * @param explanation how each field present on both records compared, and its weight
 */
public record DuplicateMatch(Kind kind, UUID id, Reason reason, double similarity, double score,
                             Certainty certainty, List<FieldAgreement> explanation) {
    public enum Kind { LEAD, CONTACT, ACCOUNT }

    /** {@code ACCOUNT}: an account's name, website and address together. */
    public enum Reason { EMAIL, PHONE, NAME_AND_COMPANY, PERSON, ACCOUNT }

    /** {@code ALMOST_CERTAIN}: worth a merge suggestion; {@code POSSIBLE}: worth a look. */
    public enum Certainty { POSSIBLE, ALMOST_CERTAIN }

    public DuplicateMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        certainty = certainty == null ? Certainty.POSSIBLE : certainty;
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
    }

    /** A match without a score or explanation (as stored before scoring existed). */
    public DuplicateMatch(Kind kind, UUID id, Reason reason, double similarity) {
        this(kind, id, reason, similarity, 0, Certainty.POSSIBLE, List.of());
    }

    /** The matched lead's id, when the match is a lead. */
    public Optional<LeadId> lead() {
        return kind == Kind.LEAD ? Optional.of(LeadId.of(id)) : Optional.empty();
    }

    /** The matched contact's id, when the match is a contact. */
    public Optional<ContactId> contact() {
        return kind == Kind.CONTACT ? Optional.of(ContactId.of(id)) : Optional.empty();
    }

    /** The matched account's id, when the match is an account. */
    public Optional<AccountId> account() {
        return kind == Kind.ACCOUNT ? Optional.of(AccountId.of(id)) : Optional.empty();
    }
}
