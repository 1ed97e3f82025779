package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.tracking.Direction;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's touchpoints, column by column: the stream a tracking API appends to holds millions of rows, and as
 * objects (a record, its id, instant and strings, a hash-map entry per index) each took ~440 bytes; here an ad click
 * takes about a quarter of that. Ids, times, kinds and counts are primitive columns; campaigns, ads, sites, reps,
 * details and the people a touchpoint concerns are codes of shared values ({@link KeyedColumn}); external event ids
 * are packed text ({@link TextArena}); the rare fields (value, duration, outcome, direction, reference, first and last
 * click) are one object for the rows that have any. Rows are read back as {@link Touchpoint} records. Guarded, like
 * every table of a tenant, by the tenant's lock; every change registers its inverse in the transaction's
 * {@link UndoLog}.
 */
final class TouchpointColumns {
    private static final TouchpointKind[] KINDS = TouchpointKind.values();
    private static final Channel[] CHANNELS = Channel.values();
    private static final long MICROS = 1_000_000L;

    private int size;
    private final Columns.Longs idHigh = new Columns.Longs();
    private final Columns.Longs idLow = new Columns.Longs();
    private final Columns.Longs occurred = new Columns.Longs(); // epoch microseconds, as every adapter keeps them
    private final Columns.Bytes kinds = new Columns.Bytes();
    private final Columns.Bytes channels = new Columns.Bytes();
    private final Columns.Longs counts = new Columns.Longs();
    private final Columns.Longs externalIds = new Columns.Longs(); // address in texts + 1; 0 is none
    private final TextArena texts = new TextArena();
    private final KeyedColumn<CampaignId> campaigns = KeyedColumn.shared();
    private final KeyedColumn<AdId> ads = KeyedColumn.shared();
    private final KeyedColumn<AffiliateId> affiliates = KeyedColumn.shared();
    private final KeyedColumn<UserId> reps = KeyedColumn.shared();
    private final KeyedColumn<String> details = KeyedColumn.counted();
    private final KeyedColumn<String> visitors = KeyedColumn.indexedText();
    private final KeyedColumn<LeadId> leads = KeyedColumn.indexed();
    private final KeyedColumn<ContactId> contacts = KeyedColumn.indexed();
    private final KeyedColumn<AccountId> accounts = KeyedColumn.indexed();
    private final Columns.Refs<Rare> rare = new Columns.Refs<>();
    private int touched; // what warm read, kept so the reads are not optimised away
    /*
     * Ids come from a time-ordered generator, so nearly every row's id is above all before it: those rows form a run
     * sorted by id (found by binary search, four bytes a row, and appending needs no duplicate check); only a row
     * whose id arrives out of order is marked and filed in a hash index.
     */
    private final Columns.Ints ascending = new Columns.Ints(); // rows of the sorted run, by position
    private int ascendingCount;
    private final Columns.Bytes unordered = new Columns.Bytes(); // 1 for a row filed in byId
    private final RowSlots byId = new RowSlots();
    private final long seed = TextHash.newSeed();
    private final RowSlots byExternalId = new RowSlots();
    private final Runnable removeLast = this::removeLast; // made once: every insert registers it

    /** The fields most touchpoints leave empty, for a row that has any of them. */
    private record Rare(@Nullable Money value, @Nullable Integer durationSeconds, @Nullable String outcome,
                        @Nullable Direction direction, @Nullable String reference, @Nullable TouchpointId firstClick,
                        @Nullable TouchpointId lastClick) {
        static final Rare NONE = new Rare(null, null, null, null, null, null, null);

        static @Nullable Rare of(Touchpoint t) {
            if (t.value() == null && t.durationSeconds() == null && t.outcome() == null && t.direction() == null
                    && t.reference() == null && t.firstClick() == null && t.lastClick() == null) {
                return null;
            }
            return new Rare(t.value(), t.durationSeconds(), t.outcome(), t.direction(), t.reference(), t.firstClick(),
                    t.lastClick());
        }
    }

    int size() {
        return size;
    }

    /**
     * Reads the index slots a batch's inserts will probe, first: the probes of one insert depend on one another, but
     * those of different inserts do not, so read together their cache misses overlap (a batch of ad clicks meets
     * two large indexes per event: external id and visitor). Returns the hashes it computed, two per touchpoint
     * (external id, visitor), for {@link #insert(Touchpoint, UndoLog, int, int)}.
     */
    int[] warm(List<Touchpoint> batch) {
        int[] hashes = new int[batch.size() * 2];
        int sum = 0;
        for (int i = 0; i < batch.size(); i++) {
            Touchpoint t = batch.get(i);
            String external = t.externalEventId();
            if (external != null) {
                hashes[2 * i] = TextHash.of(external, seed);
                sum += byExternalId.touch(hashes[2 * i]);
            }
            hashes[2 * i + 1] = visitors.touch(t.visitorId());
        }
        touched += sum;
        return hashes;
    }

    /**
     * Appends {@code t} unless its external event id is stored already (then false); its id must be new.
     */
    boolean insert(Touchpoint t, UndoLog undo) {
        String external = t.externalEventId();
        return insert(t, undo, external == null ? 0 : TextHash.of(external, seed), hashOfVisitor(t));
    }

    /** As {@link #insert(Touchpoint, UndoLog)} with the hashes {@link #warm} computed. */
    boolean insert(Touchpoint t, UndoLog undo, int externalHash, int visitorHash) {
        int row = size;
        String external = t.externalEventId();
        // what can fail, before anything is filed: a failed insert must leave no trace (its undo is not registered)
        long time = micros(t.occurredAt());
        fitsTheArenas(t);
        if (external != null) {
            byExternalId.reserve();
            int s = byExternalId.candidate(externalHash, byExternalId.home(externalHash));
            for (; s >= 0; s = byExternalId.candidate(externalHash, s + 1)) {
                if (texts.equals(externalIds.get(byExternalId.row(s)) - 1, external)) {
                    return false;
                }
            }
            byExternalId.fill(~s, row, externalHash);
            externalIds.set(row, texts.add(external) + 1);
        } else {
            externalIds.set(row, 0);
        }
        UUID id = t.id().value();
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        boolean inOrder = ascendingCount == 0 || compare(high, low, ascending.get(ascendingCount - 1)) > 0;
        if (!inOrder && (ascendingRowOf(high, low) >= 0 // above every id in order is new; below, it may be stored
                || byId.addUnless(row, Long.hashCode(high ^ low), r -> idHigh.get(r) == high && idLow.get(r) == low)
                >= 0)) {
            if (external != null) {
                byExternalId.remove(row, externalHash);
                texts.removeLast(externalIds.get(row) - 1);
                externalIds.set(row, 0);
            }
            throw new DuplicateException("Touchpoint " + t.id() + " already exists");
        }
        idHigh.set(row, high);
        idLow.set(row, low);
        if (inOrder) {
            ascending.set(ascendingCount++, row);
        } else {
            unordered.set(row, (byte) 1);
        }
        add(row, t, time, visitorHash);
        size++;
        undo.add(removeLast);
        return true;
    }

    /** Replaces the stored touchpoint with {@code t}'s id by {@code t} (same id and external event id). */
    void replace(Touchpoint t, UndoLog undo) {
        int row = rowOf(t.id());
        if (row < 0) {
            throw new NotFoundException("Touchpoint", t.id());
        }
        Touchpoint old = at(row);
        if (!Objects.equals(old.externalEventId(), t.externalEventId())) {
            throw new IllegalArgumentException("a touchpoint's external event id never changes: " + t.id());
        }
        long time = micros(t.occurredAt()); // what can fail, before the row changes
        fitsTheArenas(t);
        change(row, t, time, hashOfVisitor(t));
        undo.add(() -> change(row, old, micros(old.occurredAt()), hashOfVisitor(old)));
    }

    /** Texts kept in an arena must fit it; only the SPI can pass longer ones (the services cap them far lower). */
    private static void fitsTheArenas(Touchpoint t) {
        String external = t.externalEventId();
        if (external != null && external.length() > TextArena.MAX_LENGTH) {
            throw new IllegalArgumentException("external event id longer than " + TextArena.MAX_LENGTH);
        }
        String visitor = t.visitorId();
        if (visitor != null && visitor.length() > TextArena.MAX_LENGTH) {
            throw new IllegalArgumentException("visitor id longer than " + TextArena.MAX_LENGTH);
        }
    }

    private int hashOfVisitor(Touchpoint t) {
        String visitor = t.visitorId();
        return visitor == null ? 0 : visitors.hash(visitor);
    }

    /** Sets every column but the id and external id of a new row (one holding no value yet) to {@code t}'s. */
    private void add(int row, Touchpoint t, long time, int visitorHash) {
        setValues(row, t, time);
        campaigns.add(row, t.campaign());
        ads.add(row, t.ad());
        affiliates.add(row, t.affiliate());
        reps.add(row, t.rep());
        details.add(row, t.detail());
        visitors.add(row, t.visitorId(), visitorHash);
        leads.add(row, t.lead());
        contacts.add(row, t.contact());
        accounts.add(row, t.account());
    }

    /** Sets every column but the id and external id (which never change) of a stored row to {@code t}'s. */
    private void change(int row, Touchpoint t, long time, int visitorHash) {
        setValues(row, t, time);
        campaigns.change(row, t.campaign());
        ads.change(row, t.ad());
        affiliates.change(row, t.affiliate());
        reps.change(row, t.rep());
        details.change(row, t.detail());
        visitors.change(row, t.visitorId(), visitorHash);
        leads.change(row, t.lead());
        contacts.change(row, t.contact());
        accounts.change(row, t.account());
    }

    /** The columns that hold values, not codes of shared ones. */
    private void setValues(int row, Touchpoint t, long time) {
        occurred.set(row, time);
        kinds.set(row, (byte) t.kind().ordinal());
        channels.set(row, (byte) t.channel().ordinal());
        counts.set(row, t.count());
        rare.set(row, Rare.of(t));
    }

    /** Takes the last row off again (the undo of its insert: undo runs newest first, so it is the last). */
    private void removeLast() {
        int row = size - 1;
        if (unordered.get(row) != 0) {
            byId.remove(row, idHash(row));
            unordered.set(row, (byte) 0);
        } else {
            ascendingCount--; // the run's last row: rows are removed newest first
        }
        long external = externalIds.get(row);
        if (external != 0) {
            byExternalId.remove(row, texts.hash(external - 1, seed));
            texts.removeLast(external - 1);
            externalIds.set(row, 0);
        }
        campaigns.clear(row);
        ads.clear(row);
        affiliates.clear(row);
        reps.clear(row);
        details.clear(row);
        visitors.clear(row);
        leads.clear(row);
        contacts.clear(row);
        accounts.clear(row);
        rare.set(row, null);
        size--;
    }

    private int idHash(int row) {
        return Long.hashCode(idHigh.get(row) ^ idLow.get(row));
    }

    /** How id {@code high}/{@code low} compares with {@code row}'s, unsigned (as the ids' text sorts). */
    private int compare(long high, long low, int row) {
        int c = Long.compareUnsigned(high, idHigh.get(row));
        return c != 0 ? c : Long.compareUnsigned(low, idLow.get(row));
    }

    /** The row of the sorted run with this id, or -1. */
    private int ascendingRowOf(long high, long low) {
        int from = 0;
        int to = ascendingCount - 1;
        while (from <= to) {
            int middle = (from + to) >>> 1;
            int row = ascending.get(middle);
            int c = compare(high, low, row);
            if (c == 0) {
                return row;
            }
            if (c > 0) {
                from = middle + 1;
            } else {
                to = middle - 1;
            }
        }
        return -1;
    }

    private int rowOf(TouchpointId id) {
        long high = id.value().getMostSignificantBits();
        long low = id.value().getLeastSignificantBits();
        int found = ascendingRowOf(high, low);
        if (found >= 0) {
            return found;
        }
        return byId.find(Long.hashCode(high ^ low), row -> idHigh.get(row) == high && idLow.get(row) == low);
    }

    private int rowOfExternalId(String external) {
        return byExternalId.find(TextHash.of(external, seed), row -> texts.equals(externalIds.get(row) - 1, external));
    }

    Optional<Touchpoint> find(TouchpointId id) {
        int row = rowOf(id);
        return row < 0 ? Optional.empty() : Optional.of(at(row));
    }

    boolean hasExternalId(String external) {
        return rowOfExternalId(external) >= 0;
    }

    Optional<Touchpoint> findByExternalId(String external) {
        int row = rowOfExternalId(external);
        return row < 0 ? Optional.empty() : Optional.of(at(row));
    }

    List<Touchpoint> byVisitor(String visitor) {
        return rows(visitors, visitor);
    }

    List<Touchpoint> byLead(LeadId lead) {
        return rows(leads, lead);
    }

    List<Touchpoint> byContact(ContactId contact) {
        return rows(contacts, contact);
    }

    List<Touchpoint> byAccount(AccountId account) {
        return rows(accounts, account);
    }

    /** The latest occurrence among the touchpoints of the lead, contact or account {@code key}, or null. */
    @Nullable Instant lastOccurred(Object key) {
        KeyedColumn<?> column = key instanceof LeadId ? leads : key instanceof ContactId ? contacts : accounts;
        long[] latest = {Long.MIN_VALUE};
        boolean[] any = {false};
        column.forEachRow(key, row -> {
            any[0] = true;
            latest[0] = Math.max(latest[0], occurred.get(row));
        });
        return any[0] ? instant(latest[0]) : null;
    }

    private List<Touchpoint> rows(KeyedColumn<?> column, Object key) {
        List<Touchpoint> found = new ArrayList<>();
        column.forEachRow(key, row -> found.add(at(row)));
        found.sort(MemoryTouchpointRepository.ORDER);
        return found;
    }

    /** Calls {@code visitor} with every touchpoint that occurred in {@code [from, to)} (null bounds open). */
    void forEachOccurred(@Nullable Instant from, @Nullable Instant to, Consumer<? super Touchpoint> visitor) {
        long lowest = from == null ? Long.MIN_VALUE : ceilMicros(from);
        long beyond = to == null ? Long.MAX_VALUE : ceilMicros(to);
        for (int row = 0; row < size; row++) {
            long t = occurred.get(row);
            if (t >= lowest && (to == null || t < beyond)) {
                visitor.accept(at(row));
            }
        }
    }

    private Touchpoint at(int row) {
        Rare stored = rare.get(row);
        Rare r = stored == null ? Rare.NONE : stored;
        long external = externalIds.get(row);
        return new Touchpoint(TouchpointId.of(new UUID(idHigh.get(row), idLow.get(row))), KINDS[kinds.get(row)],
                instant(occurred.get(row)), external == 0 ? null : texts.get(external - 1), visitors.get(row),
                leads.get(row), contacts.get(row), accounts.get(row), campaigns.get(row), ads.get(row),
                affiliates.get(row), CHANNELS[channels.get(row)], counts.get(row), r.value(), r.durationSeconds(),
                r.outcome(), details.get(row), r.direction(), r.reference(), reps.get(row), r.firstClick(),
                r.lastClick());
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), MICROS), t.getNano() / 1000);
    }

    /** The first whole microsecond at or after {@code t}, saturated to the long range. */
    private static long ceilMicros(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), MICROS), (t.getNano() + 999) / 1000);
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS), Math.floorMod(micros, MICROS) * 1000);
    }
}
