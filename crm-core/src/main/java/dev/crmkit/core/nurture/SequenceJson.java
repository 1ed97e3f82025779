package dev.crmkit.core.nurture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.JsonLimits;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.email.EmailTemplateId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes sequences by hand over a bounded Jackson tree, so every bad part is reported under its path; then
 * checks the steps as a graph (references, cycles, reachability).
 */
final class SequenceJson {
    static final int MAX_STEPS = 50;
    static final JsonLimits LIMITS = new JsonLimits(64 * 1024, 64, 64, 64 * 1024, 100_000);
    private static final ObjectMapper MAPPER = JsonMapper.builder(LIMITS.factory()).build();
    private static final Duration MAX_WAIT = Duration.ofDays(365);

    private SequenceJson() {
    }

    static SequenceDefinition read(String json) {
        JsonNode root = LIMITS.parse("sequence", "sequence JSON", json, p -> MAPPER.readTree(p));
        if (root == null || !root.isObject()) {
            throw new ValidationException("sequence", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = text(root, "name", "name", errors);
        List<SequenceStep> steps = new ArrayList<>();
        JsonNode list = root.get("steps");
        if (!(list instanceof ArrayNode array) || array.isEmpty() || array.size() > MAX_STEPS) {
            errors.add(new FieldError("steps", "must be a list of 1-" + MAX_STEPS + " steps"));
        } else {
            for (int i = 0; i < array.size(); i++) {
                SequenceStep step = step(array.get(i), "steps[" + i + "]", errors);
                if (step != null) {
                    steps.add(step);
                }
            }
            if (errors.isEmpty()) {
                checkGraph(steps, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new SequenceDefinition(Validation.checked(name), steps);
    }

    private static @Nullable SequenceStep step(JsonNode s, String path, List<FieldError> errors) {
        if (!s.isObject()) {
            errors.add(new FieldError(path, "must be an object"));
            return null;
        }
        String id = text(s, "id", path + ".id", errors);
        String type = text(s, "type", path + ".type", errors);
        if (type == null) {
            return null;
        }
        int before = errors.size();
        SequenceStep step = switch (type) {
            case "email" -> {
                String template = text(s, "template", path + ".template", errors);
                EmailTemplateId t = null;
                if (template != null) {
                    try {
                        t = EmailTemplateId.parse(template);
                    } catch (ValidationException e) {
                        errors.add(new FieldError(path + ".template", "is not a template id"));
                    }
                }
                String next = text(s, "next", path + ".next", errors);
                yield t == null || id == null || next == null ? null : new SequenceStep.SendEmail(id, t, next);
            }
            case "wait" -> id == null ? null : waitStep(s, id, path, errors);
            case "branch" -> {
                Engagement when = engagement(s.get("when"), path + ".when", errors);
                String then = text(s, "then", path + ".then", errors);
                String otherwise = text(s, "else", path + ".else", errors);
                yield when == null || id == null || then == null || otherwise == null ? null
                        : new SequenceStep.Branch(id, when, then, otherwise);
            }
            case "task" -> {
                String title = text(s, "title", path + ".title", errors);
                JsonNode days = s.get("dueInDays");
                int d = 0;
                if (days != null && (!days.isIntegralNumber() || days.intValue() < 0 || days.intValue() > 3650)) {
                    errors.add(new FieldError(path + ".dueInDays", "must be a whole number of days, 0-3650"));
                } else if (days != null) {
                    d = days.intValue();
                }
                String next = text(s, "next", path + ".next", errors);
                yield id == null || title == null || next == null ? null
                        : new SequenceStep.CreateTask(id, title, d, next);
            }
            case "end" -> id == null ? null : new SequenceStep.End(id);
            default -> {
                errors.add(new FieldError(path + ".type", "is not a step: " + type));
                yield null;
            }
        };
        return errors.size() == before ? step : null;
    }

    private static @Nullable SequenceStep waitStep(JsonNode s, String id, String path, List<FieldError> errors) {
        String next = text(s, "next", path + ".next", errors);
        JsonNode duration = s.get("duration");
        if (duration != null) {
            try {
                Duration d = Duration.parse(duration.asText(""));
                if (duration.isTextual() && d.compareTo(Duration.ofMinutes(1)) >= 0 && d.compareTo(MAX_WAIT) <= 0) {
                    return next == null ? null : new SequenceStep.Wait(id, d, null, null, next);
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            errors.add(new FieldError(path + ".duration", "must be an ISO-8601 duration from PT1M to P365D"));
            return null;
        }
        DayOfWeek weekday = null;
        LocalTime at = null;
        try {
            weekday = DayOfWeek.valueOf(s.path("weekday").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(path + ".weekday", "must be a day of the week, or give a duration"));
        }
        try {
            at = LocalTime.parse(s.path("at").asText(""));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path + ".at", "must be a time of day such as 09:30"));
        }
        return weekday == null || at == null || next == null ? null
                : new SequenceStep.Wait(id, null, weekday, at, next);
    }

    private static @Nullable Engagement engagement(JsonNode n, String path, List<FieldError> errors) {
        if (n != null && n.isObject() && n.size() == 1) {
            if (n.get("clicked") != null && n.get("clicked").isTextual()) {
                return new Engagement.Clicked(n.get("clicked").textValue());
            }
            if (n.get("visited") != null && n.get("visited").asBoolean(false)) {
                return new Engagement.Visited();
            }
            if (n.get("scoreAbove") != null && n.get("scoreAbove").isIntegralNumber()) {
                return new Engagement.ScoreAbove(n.get("scoreAbove").intValue());
            }
        }
        errors.add(new FieldError(path, "must be {\"clicked\": step}, {\"visited\": true} or {\"scoreAbove\": n}"));
        return null;
    }

    /** Unique ids, known successors and clicked steps, no cycle, every step reachable from the first. */
    private static void checkGraph(List<SequenceStep> steps, List<FieldError> errors) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (index.putIfAbsent(steps.get(i).id(), i) != null) {
                errors.add(new FieldError("steps[" + i + "].id", "is the id of an earlier step"));
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            SequenceStep s = steps.get(i);
            String path = "steps[" + i + "]";
            if (s instanceof SequenceStep.Branch b) {
                if (b.when() instanceof Engagement.Clicked c && !(index.containsKey(c.step())
                        && steps.get(index.get(c.step())) instanceof SequenceStep.SendEmail)) {
                    errors.add(new FieldError(path + ".when.clicked", "is not an email step: " + c.step()));
                }
                refer(index, b.then(), path + ".then", errors);
                refer(index, b.otherwise(), path + ".else", errors);
            } else if (!(s instanceof SequenceStep.End)) {
                refer(index, s.successors().get(0), path + ".next", errors);
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        // Depth-first from the first step: a step met again on the current path closes a cycle.
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        String cycle = visit(steps.get(0).id(), steps, index, done, onPath);
        if (cycle != null) {
            errors.add(new FieldError("steps[" + index.get(cycle) + "]", "is part of a cycle: " + cycle));
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            if (!done.contains(steps.get(i).id())) {
                errors.add(new FieldError("steps[" + i + "]", "cannot be reached from the first step"));
            }
        }
    }

    private static @Nullable String visit(String id, List<SequenceStep> steps, Map<String, Integer> index,
            Set<String> done,
                                Set<String> onPath) {
        if (onPath.contains(id)) {
            return id;
        }
        if (!done.add(id)) {
            return null;
        }
        onPath.add(id);
        for (String next : steps.get(Objects.requireNonNull(index.get(id), "checked step id")).successors()) {
            String cycle = visit(next, steps, index, done, onPath);
            if (cycle != null) {
                return cycle;
            }
        }
        onPath.remove(id);
        return null;
    }

    private static void refer(Map<String, Integer> index, @Nullable String id, String path, List<FieldError> errors) {
        if (!index.containsKey(id)) {
            errors.add(new FieldError(path, "is not a step of this sequence: " + id));
        }
    }

    private static @Nullable String text(JsonNode node, String key, String path, List<FieldError> errors) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        if (v.textValue().length() > SequenceDefinition.MAX_TEXT) {
            errors.add(new FieldError(path, "is longer than " + SequenceDefinition.MAX_TEXT + " characters"));
            return null;
        }
        return v.textValue();
    }

    static String write(SequenceDefinition sequence) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", sequence.name());
        ArrayNode steps = root.putArray("steps");
        for (SequenceStep step : sequence.steps()) {
            ObjectNode s = steps.addObject().put("id", step.id());
            if (step instanceof SequenceStep.SendEmail e) {
                s.put("type", "email").put("template", e.template().toString()).put("next", e.next());
            } else if (step instanceof SequenceStep.Wait w) {
                s.put("type", "wait");
                if (w.duration() != null) {
                    s.put("duration", w.duration().toString());
                } else {
                    s.put("weekday", Objects.requireNonNull(w.weekday()).name())
                            .put("at", Objects.requireNonNull(w.at()).toString());
                }
                s.put("next", w.next());
            } else if (step instanceof SequenceStep.Branch b) {
                ObjectNode when = s.put("type", "branch").putObject("when");
                if (b.when() instanceof Engagement.Clicked c) {
                    when.put("clicked", c.step());
                } else if (b.when() instanceof Engagement.ScoreAbove a) {
                    when.put("scoreAbove", a.score());
                } else {
                    when.put("visited", true);
                }
                s.put("then", b.then()).put("else", b.otherwise());
            } else if (step instanceof SequenceStep.CreateTask t) {
                s.put("type", "task").put("title", t.title()).put("dueInDays", t.dueInDays()).put("next", t.next());
            } else {
                s.put("type", "end");
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sequence could not be written as JSON", e);
        }
    }
}
