package dev.crmkit.jpa;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.lead.BlockingKeys;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;

/**
 * Version-checked find and save through a mapper, plus the tenant-scoped queries every repository builds on. Each
 * aggregate is one row of {@code E}: an insert for version 0, otherwise an update guarded by the version read.
 */
abstract class JpaRepository<I extends EntityId, T extends Versioned<I, T>, E extends VersionedRow>
        implements Repository<I, T> {
    /** The most ids {@link #byIds} binds one parameter each (a capture's candidates; an import batch's go as a list). */
    private static final int ONE_BY_ONE_IDS = 64;

    final JpaTx tx;
    private final Class<E> rowType;
    private final String entityName;

    JpaRepository(JpaTx tx, Class<E> rowType) {
        this.tx = tx;
        this.rowType = rowType;
        this.entityName = rowType.getAnnotation(jakarta.persistence.Entity.class).name();
    }

    /** The row for {@code aggregate}: every column except the key and version, which the base class sets. */
    abstract E toRow(T aggregate);

    abstract T toDomain(E row);

    /** Keeps the aggregate's key tables in step after its row was written; most aggregates have none. */
    void afterSave(T aggregate, boolean inserted) {
    }

    @Override
    public Optional<T> find(I id) {
        return Optional.ofNullable(tx.session().get(rowType, tx.key(id.value()))).map(this::toDomain);
    }

    @Override
    public Map<I, T> findAll(Collection<I> ids) {
        Map<UUID, I> wanted = new LinkedHashMap<>();
        ids.forEach(id -> wanted.put(id.value(), id));
        Map<I, T> found = new LinkedHashMap<>();
        if (tx.database() == Database.H2) {
            wanted.forEach((key, id) -> find(id).ifPresent(t -> found.put(id, t)));
            return found;
        }
        List<UUID> keys = new ArrayList<>(wanted.keySet());
        for (int from = 0; from < keys.size(); from += BULK_FETCH) {
            List<UUID> chunk = keys.subList(from, Math.min(keys.size(), from + BULK_FETCH));
            for (E row : tx.session().createSelectionQuery("from " + entityName
                            + " r where r.tenantId = :tenant and r.id in :ids", rowType)
                    .setParameter("tenant", tx.tenantId()).setParameterList("ids", chunk).getResultList()) {
                found.put(wanted.get(row.id), toDomain(row));
            }
        }
        return found;
    }

    /**
     * Sends the rows' inserts and updates as JDBC batches, then keeps the key tables in step: a stale version fails
     * the whole call (it names the first aggregate; the caller's transaction rolls back anyway).
     */
    @Override
    public List<T> saveAll(List<T> aggregates) {
        if (aggregates.size() < 2) {
            return aggregates.isEmpty() ? List.of() : List.of(save(aggregates.get(0)));
        }
        StatelessSession session = tx.sessionForWrite();
        try {
            for (T aggregate : aggregates) {
                write(session, aggregate);
            }
            tx.flush();
            afterSaveAll(aggregates);
            tx.flush();
        } catch (RuntimeException e) {
            T first = aggregates.get(0);
            throw Errors.translate(e, kind(), first.id(), first.version());
        }
        return aggregates.stream().map(a -> a.withVersion(a.version() + 1)).toList();
    }

    /** {@link #afterSave} for aggregates saved together; repositories with key tables may read them in one go. */
    void afterSaveAll(List<T> aggregates) {
        aggregates.forEach(a -> afterSave(a, a.version() == 0));
    }

    @Override
    public T save(T aggregate) {
        StatelessSession session = tx.sessionForWrite();
        long version = aggregate.version();
        try {
            write(session, aggregate);
            tx.flush(); // a stale version fails here, before the key tables are touched
            afterSave(aggregate, version == 0);
            tx.flush();
        } catch (RuntimeException e) {
            throw Errors.translate(e, kind(), aggregate.id(), version);
        }
        return aggregate.withVersion(version + 1);
    }

    /** Queues the aggregate's insert (version 0) or versioned update in the session's JDBC batch. */
    private void write(StatelessSession session, T aggregate) {
        long version = aggregate.version();
        E row = toRow(aggregate);
        row.tenantId = tx.tenantId();
        row.id = aggregate.id().value();
        row.version = version == 0 ? 1 : version;
        if (version == 0) {
            session.insert(row);
        } else {
            session.update(row); // where version = :version, and sets version + 1
        }
    }

    /**
     * This tenant's aggregates whose address position lies in {@code box}: a range on the index on (tenant, latitude,
     * longitude), one per side of the antimeridian.
     */
    List<T> within(GeoBox box, String order) {
        Map<UUID, T> found = new LinkedHashMap<>();
        for (GeoBox part : box.unwrapped()) {
            list(new Filter(tx.tenantId()).and("r.address.latitude >= :south", "south", part.south())
                    .and("r.address.latitude <= :north", "north", part.north())
                    .and("r.address.longitude >= :west", "west", part.west())
                    .and("r.address.longitude <= :east", "east", part.east()), order)
                    .forEach(t -> found.put(t.id().value(), t));
        }
        return List.copyOf(found.values());
    }

    /** This tenant's aggregates whose {@code column} (a property of alias {@code r}) equals {@code value}. */
    List<T> lookup(String column, Object value, String order) {
        return list(new Filter(tx.tenantId()).and("r." + column + " = :value", "value", value), order);
    }

    /** The owners of each of {@code keys} in the match-key table {@code keyEntity}, by key. */
    <K> Map<String, List<K>> keyOwners(String keyEntity, Collection<String> keys, Function<UUID, K> id) {
        Map<String, List<K>> owners = new HashMap<>();
        KeyTables.ownersByKey(tx, keyEntity, keys)
                .forEach((key, ids) -> owners.put(key, ids.stream().map(id).toList()));
        return owners;
    }

    /** The rows whose {@code column} is one of {@code values}, grouped by {@code valueOf} them: 1,000 per query. */
    <V> Map<V, List<T>> lookupAll(String column, Collection<V> values, Function<V, Object> stored,
                                 Function<T, V> valueOf, String order) {
        List<V> all = List.copyOf(values);
        Map<V, List<T>> found = new HashMap<>();
        if (tx.database() == Database.H2) {
            // an IN list on the second column of (tenant, column) would scan the tenant's rows on H2 (see byIds)
            for (V value : all) {
                List<T> rows = lookup(column, stored.apply(value), order);
                if (!rows.isEmpty()) {
                    found.put(value, rows);
                }
            }
            return found;
        }
        for (int from = 0; from < all.size(); from += BULK_FETCH) {
            List<Object> chunk = all.subList(from, Math.min(all.size(), from + BULK_FETCH)).stream().map(stored)
                    .toList();
            for (T row : list(new Filter(tx.tenantId()).and("r." + column + " in :values", "values", chunk), order)) {
                found.computeIfAbsent(valueOf.apply(row), v -> new ArrayList<>()).add(row);
            }
        }
        return found;
    }

    /**
     * The candidates of duplicate matching for {@code keys}: the keys' owners in the key table {@code keyEntity} (one
     * index range scan per key), chosen by {@link BlockingKeys#candidates} as in memory, then read by id.
     */
    List<T> byMatchKeys(String keyEntity, Collection<String> keys, String order, Comparator<? super T> inOrder) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return byIds(BlockingKeys.candidates(KeyTables.ownersByKey(tx, keyEntity, keys).values()), order, inOrder);
    }

    /**
     * This tenant's rows {@code ids}, ordered by {@code order}. Up to {@link #ONE_BY_ONE_IDS} ids are bound one
     * parameter each, their count padded to a power of two: Hibernate translates a query with a list parameter
     * again on every run (a third of a capture's Java time on PostgreSQL, for reading its candidates), while a
     * query of single parameters is translated once per padded size. On H2 each row is read by its key and the rows
     * sorted by {@code inOrder} (the same order as {@code order}): H2 uses an {@code IN} list only on an index's first
     * column, and the key starts with the tenant, so the list would scan every row of the tenant.
     */
    List<T> byIds(Set<UUID> ids, String order, Comparator<? super T> inOrder) {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (tx.database() == Database.H2) {
            List<T> found = new ArrayList<>(ids.size());
            for (UUID id : ids) {
                E row = tx.session().get(rowType, tx.key(id));
                if (row != null) {
                    found.add(toDomain(row));
                }
            }
            found.sort(inOrder);
            return found;
        }
        if (ids.size() > ONE_BY_ONE_IDS) {
            return list(new Filter(tx.tenantId()).and("r.id in :ids", "ids", ids), order);
        }
        List<UUID> all = List.copyOf(ids);
        int slots = Math.max(1, Integer.highestOneBit(all.size() - 1) << 1);
        StringBuilder in = new StringBuilder("r.id in (:id0");
        for (int i = 1; i < slots; i++) {
            in.append(", :id").append(i);
        }
        Filter filter = new Filter(tx.tenantId()).and(in.append(')').toString(), "id0", all.get(0));
        for (int i = 1; i < slots; i++) {
            filter.with("id" + i, all.get(Math.min(i, all.size() - 1)));
        }
        return list(filter, order);
    }

    List<T> list(Filter filter, String order) {
        return select(filter, order).getResultList().stream().map(this::toDomain).toList();
    }

    Page<T> page(Filter filter, String order, PageRequest page) {
        return page(filter, order, page, count(filter));
    }

    /** A page of the rows {@code filter} matches, of which there are {@code total} (counted by the caller). */
    Page<T> page(Filter filter, String order, PageRequest page, long total) {
        List<T> items = total <= page.offset() ? List.of()
                : select(filter, order).setFirstResult((int) page.offset()).setMaxResults(page.size())
                        .getResultList().stream().map(this::toDomain).toList();
        return new Page<>(items, page, total);
    }

    long count(Filter filter) {
        SelectionQuery<Long> q = tx.session().createSelectionQuery(
                "select count(r) from " + entityName + " r where " + filter.where(), Long.class);
        filter.params().forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** Matching rows per value of {@code expression} (over alias {@code r}), null values under {@code ""}. */
    Map<String, Long> countBy(Filter filter, String expression) {
        SelectionQuery<Object[]> q = tx.session().createSelectionQuery("select " + expression + ", count(r) from "
                + entityName + " r where " + filter.where() + " group by " + expression, Object[].class);
        filter.params().forEach(q::setParameter);
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : q.getResultList()) {
            counts.merge(row[0] == null ? "" : row[0].toString(), (Long) row[1], Long::sum);
        }
        return counts;
    }

    /**
     * Streams this tenant's aggregates whose instant {@code column} lies in {@code [from, to)} (null bounds open) to
     * {@code visitor}, fetched in chunks so a large range never sits in memory at once.
     */
    void forEachBetween(String column, Instant from, Instant to, Consumer<? super T> visitor) {
        streamBetween(tx, entityName, rowType, column, from, to, this::toDomain, visitor);
    }

    /**
     * The bulk read behind {@link #forEachBetween}, for repositories of rows that are not versioned aggregates
     * (touchpoints): rows of {@code entityName} in the tenant with {@code column} in {@code [from, to)}, mapped.
     */
    static <R, D> void streamBetween(JpaTx tx, String entityName, Class<R> rowType, String column, Instant from,
                                     Instant to, Function<R, D> toDomain, Consumer<? super D> visitor) {
        Filter filter = new Filter(tx.tenantId()).and("r." + column + " >= :from", "from", from)
                .and("r." + column + " < :to", "to", to);
        SelectionQuery<R> q = tx.session().createSelectionQuery("from " + entityName + " r where " + filter.where(),
                rowType);
        filter.params().forEach(q::setParameter);
        try (Stream<R> rows = q.setFetchSize(BULK_FETCH).getResultStream()) {
            rows.forEach(row -> visitor.accept(toDomain.apply(row)));
        }
    }

    /** Rows per round trip of the bulk reads: big enough to amortize latency, small enough for any heap. */
    static final int BULK_FETCH = 1000;

    private SelectionQuery<E> select(Filter filter, String order) {
        SelectionQuery<E> q = tx.session().createSelectionQuery(
                "from " + entityName + " r where " + filter.where() + " order by " + order, rowType);
        filter.params().forEach(q::setParameter);
        return q;
    }
}
