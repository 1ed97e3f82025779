package dev.crmkit.core.segment;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.DuplicateException;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.Ref;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.segment.SegmentEvent.SegmentSaved;
import dev.crmkit.core.sharing.Audience;
import dev.crmkit.core.sharing.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Segmentation: saved criteria over leads, contacts or accounts, evaluated by the storage adapter
 * ({@link SegmentQueries}) each time members or counts are asked for, so they always reflect current data.
 */
public final class SegmentService {

    private final CrmContext<? extends SegmentTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public SegmentService(CrmContext<? extends SegmentTx> ctx) {
        this.ctx = ctx;
    }

    /**
     * Saves a segment. A blank or over-long name, a missing target or criteria, or criteria invalid for the target
     * are reported together in one ValidationException ({@code criteria...} paths name the bad nodes); a name
     * already used (ignoring case) is a {@link DuplicateException}.
     */
    public SegmentId create(String name, SegmentTarget target, Criteria criteria) {
        String n = check(name, target, criteria);
        return ctx.write(tx -> {
            requireFreeName(tx, n, null);
            return saved(tx, new Segment(SegmentId.of(ctx.newId()), 0, n, target, criteria, ctx.user(), ctx.now(),
                    ctx.now())).id();
        });
    }

    /**
     * Renames the segment {@code read} and replaces its criteria; its target stays. When it changed since it was read,
     * nothing is written and this is a {@code ConcurrentUpdateException}. Its owner or a MANAGER may
     * ({@code AccessDeniedException} otherwise).
     */
    public Segment update(Segment read, String name, Criteria criteria) {
        return edit(Objects.requireNonNull(read, "read"), name, criteria);
    }

    /** As {@link #update(Segment, String, Criteria)}, for a caller that kept the id and the version it read. */
    public Segment update(SegmentId id, long expectedVersion, String name, Criteria criteria) {
        return edit(Ref.of(id, expectedVersion), name, criteria);
    }

    private Segment edit(Ref<SegmentId> ref, String name, Criteria criteria) {
        SegmentId id = ref.id();
        return ctx.write(tx -> {
            Segment old = tx.segments().current(ref);
            if (!old.owner().equals(ctx.user())) {
                ctx.actor().require(Actor.MANAGER, "change a segment " + old.owner() + " owns");
            }
            String n = check(name, old.target(), criteria);
            requireFreeName(tx, n, id);
            return saved(tx, new Segment(id, old.version(), n, old.target(), criteria, old.owner(), old.createdAt(),
                    ctx.now()));
        });
    }

    private static String check(String name, SegmentTarget target, Criteria criteria) {
        List<FieldError> errors = new ArrayList<>();
        String n = Text.blankToNull(name);
        if (n == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (n.length() > SegmentLimits.NAME) {
            errors.add(new FieldError("name", "must be at most " + SegmentLimits.NAME + " characters"));
        } else if (Text.badChar(n, false) >= 0) {
            errors.add(new FieldError("name", "must be single-line text without control characters or unpaired"
                    + " surrogates"));
        }
        if (target == null) {
            errors.add(new FieldError("target", "is required"));
        } else {
            CriteriaCheck.check(criteria, target, "criteria", errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return Validation.checked(n);
    }

    private static void requireFreeName(SegmentTx tx, String name, @Nullable SegmentId self) {
        tx.segments().findByName(name).filter(s -> !s.id().equals(self)).ifPresent(s -> {
            throw new DuplicateException("a segment named '" + s.name() + "' already exists (" + s.id() + ")");
        });
    }

    private Segment saved(SegmentTx tx, Segment s) {
        Segment saved = tx.segments().save(s);
        ctx.raise(new SegmentSaved(ctx.actor().tenant(), ctx.now(), saved));
        return saved;
    }

    /** The segment, or {@code NotFoundException}. */
    public Segment get(SegmentId id) {
        return ctx.read(tx -> tx.segments().get(id));
    }

    /** All saved segments by name. */
    public List<Segment> list() {
        return ctx.read(tx -> tx.segments().list());
    }

    /**
     * All saved segments by name, each with its current number of members the caller sees (one count query per
     * segment).
     */
    public List<SegmentSize> listWithSizes() {
        return ctx.read(tx -> tx.segments().list().stream()
                .map(s -> new SegmentSize(s, tx.segmentQueries().count(s.target(), s.criteria(),
                        seenBy(tx, s.target())))).toList());
    }

    /** How many records the saved segment holds now, of those the caller sees. */
    public long count(SegmentId id) {
        return ctx.read(tx -> {
            Segment s = tx.segments().get(id);
            return tx.segmentQueries().count(s.target(), s.criteria(), seenBy(tx, s.target()));
        });
    }

    /**
     * A page of the segment's members the caller sees, oldest first: {@code LeadId}s, {@code ContactId}s or
     * {@code AccountId}s by its target (load them from {@code leads()}, {@code contacts()} or {@code accounts()}).
     */
    public Page<EntityId> members(SegmentId id, PageRequest page) {
        Validation.argument("page", page);
        return ctx.read(tx -> {
            Segment s = tx.segments().get(id);
            return tx.segmentQueries().members(s.target(), s.criteria(), seenBy(tx, s.target()), page);
        });
    }

    /**
     * Members of unsaved criteria the caller sees, to try them out before saving; invalid criteria are a
     * ValidationException.
     */
    public Page<EntityId> preview(SegmentTarget target, Criteria criteria, PageRequest page) {
        Validation.argument("target", target);
        Validation.argument("page", page);
        validate(target, criteria);
        return ctx.read(tx -> tx.segmentQueries().members(target, criteria, seenBy(tx, target), page));
    }

    /** How many records unsaved criteria select, of those the caller sees. */
    public long count(SegmentTarget target, Criteria criteria) {
        Validation.argument("target", target);
        validate(target, criteria);
        return ctx.read(tx -> tx.segmentQueries().count(target, criteria, seenBy(tx, target)));
    }

    /** What the caller sees of the target's records: members are listed and counted as their reader sees them. */
    private Visibility seenBy(SegmentTx tx, SegmentTarget target) {
        return Audience.of(ctx, tx, target.recordKind());
    }

    private static void validate(SegmentTarget target, Criteria criteria) {
        if (criteria == null) {
            throw new ValidationException("criteria", "is required");
        }
        criteria.validate(target);
    }
}
