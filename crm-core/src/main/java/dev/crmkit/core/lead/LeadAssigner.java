package dev.crmkit.core.lead;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.AssignmentRules.Team;
import org.jspecify.annotations.Nullable;

/** Applies {@link AssignmentRules}: the matching team, then the team member whose turn it is. */
final class LeadAssigner {
    /** Start of the round-robin counter's name; the team name follows. */
    static final String SEQUENCE_PREFIX = "lead-assignment:";

    private final LeadTx tx;
    private final AssignmentRules rules;

    LeadAssigner(LeadTx tx, AssignmentRules rules) {
        this.tx = tx;
        this.rules = rules;
    }

    /** The owner for a new lead at {@code address}, or null when the rules assign nobody. */
    @Nullable UserId ownerFor(@Nullable Address address) {
        Team team = rules.teamFor(address == null ? null : address.country(),
                address == null ? null : address.region());
        if (team == null) {
            return null;
        }
        long turn = tx.sequences().next(SEQUENCE_PREFIX + team.name());
        return team.members().get((int) ((turn - 1) % team.members().size()));
    }
}
