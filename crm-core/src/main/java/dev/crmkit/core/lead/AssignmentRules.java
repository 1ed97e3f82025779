package dev.crmkit.core.lead;

import dev.crmkit.core.common.UserId;
import dev.crmkit.core.spi.Sequences;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who owns a new lead nobody named an owner for, given to {@code Crm.builder().with(rules)}. Territories are tried
 * in order; the first whose country (and region, if set) matches the lead's address hands the lead to its team,
 * round-robin; a lead no territory matches goes round-robin to the default team. Round-robin positions are stored
 * per team (a {@code Sequences} counter), so they survive restarts and are shared by all nodes: over any run of
 * leads, team members' counts differ by at most one.
 */
public record AssignmentRules(List<Territory> territories, @Nullable Team defaultTeam) {

    /** A named group of reps that takes leads in turn. */
    public record Team(String name, List<UserId> members) {
        /** The longest team name, in characters: it names the team's round-robin counter. */
        public static final int MAX_NAME = Sequences.MAX_NAME - LeadAssigner.SEQUENCE_PREFIX.length();

        public Team {
            Objects.requireNonNull(name, "name");
            if (name.length() > MAX_NAME) {
                throw new IllegalArgumentException("team name must be at most " + MAX_NAME + " characters: " + name);
            }
            members = List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("team " + name + " has no members");
            }
        }

        public static Team of(String name, UserId... members) {
            return new Team(name, List.of(members));
        }
    }

    /** Leads from {@code country} (ISO alpha-2) and, if not null, {@code region} go to {@code team}. */
    public record Territory(String country, String region, Team team) {
        public Territory {
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(team, "team");
        }

        boolean covers(@Nullable String leadCountry, @Nullable String leadRegion) {
            return country.equalsIgnoreCase(leadCountry) && (region == null || region.equalsIgnoreCase(leadRegion));
        }
    }

    public AssignmentRules {
        territories = territories == null ? List.of() : List.copyOf(territories);
    }

    /** No automatic assignment: leads belong to whoever captures them (web leads to nobody). */
    public static AssignmentRules none() {
        return new AssignmentRules(List.of(), null);
    }

    /** Every lead round-robin within one team. */
    public static AssignmentRules roundRobin(Team team) {
        return new AssignmentRules(List.of(), Objects.requireNonNull(team, "team"));
    }

    /** These rules with one more territory, tried after the ones before. */
    public AssignmentRules withTerritory(String country, String region, Team team) {
        List<Territory> more = new java.util.ArrayList<>(territories);
        more.add(new Territory(country, region, team));
        return new AssignmentRules(more, defaultTeam);
    }

    /** The team for a lead in {@code country}/{@code region}, or null when no rule applies. */
    @Nullable Team teamFor(@Nullable String country, @Nullable String region) {
        for (Territory t : territories) {
            if (t.covers(country, region)) {
                return t.team();
            }
        }
        return defaultTeam;
    }
}
