package dev.crmkit.core.sharing;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.spi.Repository;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads of one kind of record through the calling actor's {@link Visibility}: what a service reads a record, a
 * record it is about to change, or a list through. A hidden record is a {@code NotFoundException}, as a missing one.
 */
public final class Guard<I extends EntityId, T extends Versioned<I, T>> {
    private final String kind;
    private final Function<T, OwnedRecords.Owned> owned;

    /** For records of {@code kind}, whose owner and account {@code owned} tells. */
    public Guard(String kind, Function<T, OwnedRecords.Owned> owned) {
        this.kind = kind;
        this.owned = owned;
    }

    /** {@code record}, when the actor of {@code ctx} sees it; else {@code NotFoundException}. */
    public T visible(CrmContext<?> ctx, SharingTx tx, T record) {
        return Audience.visible(tx, Audience.of(ctx, tx, kind), owned.apply(record), record);
    }

    /** The record {@code id}, when it exists and the actor sees it; else {@code NotFoundException}. */
    public T get(CrmContext<?> ctx, SharingTx tx, Repository<I, T> records, I id) {
        return visible(ctx, tx, records.get(id));
    }

    /**
     * The record {@code ref} names, when the actor sees it, at the version the actor read: visibility first, so a
     * stale version of a hidden record is not found either ({@code ConcurrentUpdateException} otherwise).
     */
    public T current(CrmContext<?> ctx, SharingTx tx, Repository<I, T> records, Ref<I> ref) {
        T stored = get(ctx, tx, records, ref.id());
        Ref.check(ref, stored, kind);
        return stored;
    }

    /** Whether the actor of {@code ctx} sees {@code record}. */
    public boolean sees(CrmContext<?> ctx, SharingTx tx, T record) {
        return seenBy(ctx, tx).test(record);
    }

    /**
     * Whether the actor of {@code ctx} sees a record, for many records: the actor's visibility (the hierarchy and
     * account teams read from {@code tx}) is worked out once, not per record.
     */
    public Predicate<T> seenBy(CrmContext<?> ctx, SharingTx tx) {
        Visibility visibility = visibility(ctx, tx);
        return record -> Audience.sees(tx, visibility, owned.apply(record));
    }

    /** {@code records} without those the actor of {@code ctx} does not see, in their order. */
    public List<T> seen(CrmContext<?> ctx, SharingTx tx, List<T> records) {
        return Audience.seen(ctx, tx, kind, records, owned);
    }

    /** What the actor of {@code ctx} sees of this kind, for a repository to push down. */
    public Visibility visibility(CrmContext<?> ctx, SharingTx tx) {
        return Audience.of(ctx, tx, kind);
    }
}
