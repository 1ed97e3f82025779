package dev.crmkit.core.segment;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import java.util.List;
import java.util.Optional;

/** Validation of a criteria tree against a target; every bad node is reported under its path. */
final class CriteriaCheck {
    /** Deep or huge trees are a mistake or an attack; no real segment comes near these. */
    static final int MAX_DEPTH = 32;

    private CriteriaCheck() {
    }

    static void check(Criteria c, SegmentTarget target, String path, List<FieldError> errors) {
        check(c, target, path, errors, 0);
    }

    private static void check(Criteria c, SegmentTarget target, String path, List<FieldError> errors, int depth) {
        if (c == null) {
            errors.add(new FieldError(path, "is required"));
            return;
        }
        if (depth > MAX_DEPTH) {
            errors.add(new FieldError(path, "nests deeper than " + MAX_DEPTH + " levels"));
            return;
        }
        if (c instanceof Criteria.And and) {
            children(and.criteria(), target, path + ".and", errors, depth);
        } else if (c instanceof Criteria.Or or) {
            children(or.criteria(), target, path + ".or", errors, depth);
        } else if (c instanceof Criteria.Not not) {
            check(not.criteria(), target, path + ".not", errors, depth + 1);
        } else {
            condition((Criteria.Condition) c, target, path, errors);
        }
    }

    private static void children(List<Criteria> list, SegmentTarget target, String path, List<FieldError> errors,
                                 int depth) {
        for (int i = 0; i < list.size(); i++) {
            check(list.get(i), target, path + "[" + i + "]", errors, depth + 1);
        }
    }

    private static void condition(Criteria.Condition c, SegmentTarget target, String path, List<FieldError> errors) {
        Optional<SegmentField> found = SegmentField.named(c.field());
        if (found.isEmpty() || !found.get().appliesTo(target)) {
            errors.add(new FieldError(path, "unknown field '" + c.field() + "' for " + target));
            return;
        }
        SegmentField field = found.get();
        if (c.op() == null) {
            errors.add(new FieldError(path, "needs an operator"));
            return;
        }
        if (!field.type().operators().contains(c.op())) {
            errors.add(new FieldError(path, "operator " + c.op() + " is not allowed for " + c.field() + " (allowed: "
                    + field.type().operators() + ")"));
            return;
        }
        if (!c.op().accepts(c.values().size())) {
            errors.add(new FieldError(path, c.op() + " takes " + c.op().arity() + "s, got " + c.values().size()));
            return;
        }
        for (int i = 0; i < c.values().size(); i++) {
            try {
                field.parse(c.values().get(i));
            } catch (ValidationException e) {
                errors.add(new FieldError(path + ".values[" + i + "]", e.errors().get(0).reason()));
            }
        }
    }
}
