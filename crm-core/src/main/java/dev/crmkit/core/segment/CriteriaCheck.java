package dev.crmkit.core.segment;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * Validation of a criteria tree against a target; every bad node is reported under its path. Deep or huge trees are
 * a mistake or an attack: the {@link SegmentLimits} are checked first, by a walk that stops as soon as one is
 * passed, so a tree of 70,000 conditions costs no more than one of 1,001.
 */
final class CriteriaCheck {
    private CriteriaCheck() {
    }

    static void check(Criteria c, SegmentTarget target, String path, List<FieldError> errors) {
        Size size = new Size();
        size.add(c, 0);
        if (size.nodes > SegmentLimits.NODES) {
            errors.add(new FieldError(path, "has more than " + SegmentLimits.NODES
                    + " conditions, ANDs, ORs and NOTs"));
        } else if (size.values > SegmentLimits.VALUES) {
            errors.add(new FieldError(path, "has more than " + SegmentLimits.VALUES + " values in all"));
        } else {
            check(c, target, path, errors, 0);
        }
    }

    /** Nodes and values of a tree, counted down to the depth limit (deeper nodes are reported as such). */
    private static final class Size {
        int nodes;
        int values;

        void add(Criteria c, int depth) {
            if (c == null || depth > SegmentLimits.DEPTH || nodes > SegmentLimits.NODES
                    || values > SegmentLimits.VALUES) {
                return;
            }
            nodes++;
            if (c instanceof Criteria.And and) {
                and.criteria().forEach(child -> add(child, depth + 1));
            } else if (c instanceof Criteria.Or or) {
                or.criteria().forEach(child -> add(child, depth + 1));
            } else if (c instanceof Criteria.Not not) {
                add(not.criteria(), depth + 1);
            } else {
                values += ((Criteria.Condition) c).values().size();
            }
        }
    }

    private static void check(Criteria c, SegmentTarget target, String path, List<FieldError> errors, int depth) {
        if (c == null) {
            errors.add(new FieldError(path, "is required"));
            return;
        }
        if (depth > SegmentLimits.DEPTH) {
            errors.add(new FieldError(path, "nests deeper than " + SegmentLimits.DEPTH + " levels"));
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
        boolean valuesRead = true;
        for (int i = 0; i < c.values().size(); i++) {
            String value = c.values().get(i);
            if (value != null && value.length() > SegmentLimits.VALUE) {
                errors.add(new FieldError(path + ".values[" + i + "]", "must be at most " + SegmentLimits.VALUE
                        + " characters"));
                valuesRead = false;
                continue;
            }
            try {
                field.parse(value);
            } catch (ValidationException e) {
                errors.add(new FieldError(path + ".values[" + i + "]", e.errors().get(0).reason()));
                valuesRead = false;
            }
        }
        if (valuesRead && c.op() == Operator.NEAR) {
            try {
                SegmentField.circle(c.values());
            } catch (ValidationException e) {
                e.errors().forEach(err -> errors.add(new FieldError(path + ".values", err.field() + " "
                        + err.reason())));
            }
        }
    }
}
