package dev.crmkit.core.lead;

import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.spi.Tx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a run of {@link LeadService#captureAll(java.util.List, java.util.function.Predicate, CaptureMemo)} calls
 * remembers of the leads it compared or stored: each lead's fields as matching folds them, with the version they were
 * read at, once the transaction that read or stored them committed. A later call asks only for the versions of its
 * candidates and reads again just those that changed, so the batches of an import do not read and fold the same stored
 * leads over and over; the matches are the same as without it. It holds at most its capacity of leads (least recently
 * used out first), about a kilobyte each. For one run at a time; safe for a run whose writes commit on another thread
 * (an import overlapping one batch's write with the next one's matching).
 */
public final class CaptureMemo {
    private final Map<LeadId, Entry> entries;

    private CaptureMemo(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<LeadId, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A memo of at most {@code leads} leads. */
    public static CaptureMemo upTo(int leads) {
        if (leads < 1) {
            throw new IllegalArgumentException("leads must be positive: " + leads);
        }
        return new CaptureMemo(leads);
    }

    /** The candidate remembered for lead {@code id} if it was read at {@code version}, else null. */
    synchronized DuplicateFinder.@Nullable Candidate get(LeadId id, long version) {
        Entry e = entries.get(id);
        return e != null && e.version() == version ? e.candidate() : null;
    }

    /**
     * Remembers {@code staging} once transaction {@code tx} commits: a candidate read or stored in a transaction that
     * rolls back (a host's, which the captures joined) may be content that never committed, and a later change could
     * reach the same version with other content.
     */
    void stage(Tx tx, Staging staging) {
        tx.afterCommit(() -> {
            synchronized (this) {
                staging.entries.forEach(e -> entries.put(e.candidate().id(), e));
            }
        });
    }

    /** Whether any of {@code ids} is remembered (if none is, asking for their versions is a wasted round trip). */
    synchronized boolean knowsAny(Collection<LeadId> ids) {
        for (LeadId id : ids) {
            if (entries.containsKey(id)) {
                return true;
            }
        }
        return false;
    }

    private record Entry(long version, DuplicateFinder.Candidate candidate) {
    }

    /** One transaction's entries, waiting for its commit. */
    static final class Staging {
        private final List<Entry> entries = new ArrayList<>();

        void put(long version, DuplicateFinder.Candidate candidate) {
            entries.add(new Entry(version, candidate));
        }
    }
}
