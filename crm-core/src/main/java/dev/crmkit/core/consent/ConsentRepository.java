package dev.crmkit.core.consent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The consent records of the transaction's tenant: appended, never changed. */
public interface ConsentRepository {
    /** Stores {@code records} in order; each becomes its person's current state for its purpose. */
    void append(List<ConsentRecord> records);

    /** Every record of {@code person}, oldest first. */
    List<ConsentRecord> history(UUID person);

    /** The latest record of {@code person} per purpose; purposes never recorded are absent. */
    Map<ConsentPurpose, ConsentRecord> current(UUID person);

    /** Those of {@code persons} whose latest record for {@code purpose} is a withdrawal. */
    Set<UUID> withdrawn(Collection<UUID> persons, ConsentPurpose purpose);
}
