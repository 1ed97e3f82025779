package dev.crmkit.core.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.events.EventTypes;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Versioned;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.JsonLimits;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.nurture.SequenceId;
import dev.crmkit.core.service.CasePriority;
import dev.crmkit.core.tracking.TrackingEvent.TouchpointsRecorded;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentEvent.SegmentEntered;
import dev.crmkit.core.segment.SegmentTarget;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes rules by hand over a bounded Jackson tree, so every missing or bad parameter is reported under
 * its path and nothing half-valid is built.
 */
final class RuleJson {
    static final int MAX_ACTIONS = 20;
    static final int MAX_TEXT = RuleDefinition.MAX_TEXT;
    static final int MAX_TEAM = 100;
    /** The event whose records are known only from the segment a rule names. */
    static final String SEGMENT_ENTERED = EventTypes.nameOf(SegmentEntered.class);
    static final Duration MIN_DELAY = Duration.ofMinutes(1);
    static final Duration MAX_DELAY = Duration.ofDays(3650);
    static final JsonLimits LIMITS = new JsonLimits(64 * 1024, 64, 64, 64 * 1024, 100_000);
    private static final ObjectMapper MAPPER = JsonMapper.builder(LIMITS.factory()).build();

    private RuleJson() {
    }

    static RuleDefinition read(String json) {
        JsonNode root = LIMITS.parse("rule", "rule JSON", json, p -> MAPPER.readTree(p));
        if (root == null || !root.isObject()) {
            throw new ValidationException("rule", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = text(root, "name", "name", errors);
        String event = text(root, "event", "event", errors);
        Optional<SegmentTarget> target = Optional.empty();
        if (event != null) {
            Optional<Class<? extends DomainEvent>> type = EventTypes.find(event);
            if (type.isEmpty()) {
                errors.add(new FieldError("event", "is not an event type: " + event));
            } else {
                target = targetOf(type.get());
            }
        }
        Criteria criteria = criteria(root.get("criteria"), event, target, errors);
        List<RuleAction> actions = actions(root.get("actions"), errors);
        // Paths by position: only when every action was read.
        if (event != null && EventTypes.find(event).isPresent() && !SEGMENT_ENTERED.equals(event)
                && actions.size() == root.path("actions").size()) {
            String kind = recordKind(EventTypes.find(event).get());
            for (int i = 0; i < actions.size(); i++) {
                Set<String> kinds = recordsOf(actions.get(i));
                if (!kinds.isEmpty() && !kinds.contains(kind)) {
                    errors.add(new FieldError("actions[" + i + "]", "works on " + kinds + " records; " + event
                            + " is about " + (kind.isEmpty() ? "none" : kind)));
                }
            }
        }
        SegmentId segment = segment(root, event, errors);
        Duration after = after(root.get("after"), errors);
        Set<String> unless = unless(root.get("unless"), root.hasNonNull("after"), event, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new RuleDefinition(Validation.checked(name), Validation.checked(event), Validation.checked(criteria),
                actions, after, unless, segment);
    }

    /** The segment a rule on {@code SegmentEntered} watches: required there, refused elsewhere. */
    private static @Nullable SegmentId segment(JsonNode root, @Nullable String event, List<FieldError> errors) {
        JsonNode node = root.get("segment");
        boolean entered = SEGMENT_ENTERED.equals(event);
        if (node == null || node.isNull()) {
            if (entered) {
                errors.add(new FieldError("segment", "is required for " + SEGMENT_ENTERED));
            }
            return null;
        }
        if (!entered) {
            errors.add(new FieldError("segment", "applies only to " + SEGMENT_ENTERED + " rules"));
            return null;
        }
        try {
            return SegmentId.parse(node.asText(""));
        } catch (ValidationException e) {
            errors.add(new FieldError("segment", "is not a segment id"));
            return null;
        }
    }

    private static @Nullable Duration after(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            Duration d = Duration.parse(node.asText(""));
            if (node.isTextual() && d.compareTo(MIN_DELAY) >= 0 && d.compareTo(MAX_DELAY) <= 0) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError("after", "must be an ISO-8601 duration from PT1M to P3650D, e.g. \"P2D\""));
        return null;
    }

    /** Event types that cancel a delayed rule: about the same kind of record as its event. */
    private static Set<String> unless(JsonNode node, boolean delayed, @Nullable String event, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return Set.of();
        }
        if (!(node instanceof ArrayNode list) || list.size() > MAX_ACTIONS) {
            errors.add(new FieldError("unless", "must be a list of up to " + MAX_ACTIONS + " event types"));
            return Set.of();
        }
        if (!delayed && !list.isEmpty()) {
            errors.add(new FieldError("unless", "applies only to a rule with \"after\""));
        }
        Optional<Class<? extends DomainEvent>> type = event == null ? Optional.empty() : EventTypes.find(event);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "unless[" + i + "]";
            JsonNode n = list.get(i);
            Optional<Class<? extends DomainEvent>> other = n.isTextual() ? EventTypes.find(n.textValue())
                    : Optional.empty();
            if (other.isEmpty()) {
                errors.add(new FieldError(path, "is not an event type: " + n));
            } else if (type.isPresent() && !recordKind(type.get()).equals(recordKind(other.get()))) {
                errors.add(new FieldError(path, "is not about the same kind of record as " + event));
            } else {
                names.add(n.textValue());
            }
        }
        return names;
    }

    /**
     * The kind of record events of {@code type} are about, as the outbox names it ({@code Lead}, {@code Task}, ...):
     * the type of its first component that is an aggregate or an id; empty for none.
     */
    static String recordKind(Class<? extends DomainEvent> type) {
        if (type == TouchpointsRecorded.class) {
            return "Lead"; // a rule on touchpoints runs for each lead they are linked to
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            if (Versioned.class.isAssignableFrom(t)) {
                return t.getSimpleName();
            }
            if (EntityId.class.isAssignableFrom(t)) {
                return t.getSimpleName().replaceFirst("Id$", "");
            }
        }
        return "";
    }

    /** The record type segment criteria apply to for events of {@code type}, if any: leads, contacts, accounts. */
    static Optional<SegmentTarget> targetOf(Class<? extends DomainEvent> type) {
        return targetOf(recordKind(type));
    }

    /** The kind of record (as the outbox names it) the segments of {@code target} hold; inverse of targetOf. */
    static String kindOf(SegmentTarget target) {
        return switch (target) {
            case LEAD -> "Lead";
            case CONTACT -> "Contact";
            case ACCOUNT -> "Account";
        };
    }

    /** The segment target of records of {@code kind} (as the outbox names it), if segments cover them. */
    static Optional<SegmentTarget> targetOf(String kind) {
        return switch (kind) {
            case "Lead" -> Optional.of(SegmentTarget.LEAD);
            case "Contact" -> Optional.of(SegmentTarget.CONTACT);
            case "Account" -> Optional.of(SegmentTarget.ACCOUNT);
            default -> Optional.empty();
        };
    }

    private static @Nullable Criteria criteria(JsonNode node, @Nullable String event, Optional<SegmentTarget> target,
            List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return Criteria.all();
        }
        Criteria c;
        try {
            c = MAPPER.treeToValue(node, Criteria.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.add(new FieldError("criteria", "is not valid criteria JSON"));
            return null;
        }
        if (c == null || c.equals(Criteria.all())) {
            return Criteria.all();
        }
        if (target.isEmpty()) {
            if (event != null && EventTypes.find(event).isPresent()) {
                errors.add(new FieldError("criteria", "do not apply to " + event + " events"));
            }
            return c;
        }
        try {
            c.validate(target.get());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        return c;
    }

    private static List<RuleAction> actions(JsonNode node, List<FieldError> errors) {
        List<RuleAction> actions = new ArrayList<>();
        if (!(node instanceof ArrayNode list) || list.isEmpty()) {
            errors.add(new FieldError("actions", "must be a non-empty list"));
            return actions;
        }
        if (list.size() > MAX_ACTIONS) {
            errors.add(new FieldError("actions", "has more than " + MAX_ACTIONS + " actions"));
            return actions;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "actions[" + i + "]";
            JsonNode a = list.get(i);
            if (!a.isObject()) {
                errors.add(new FieldError(path, "must be an object"));
                continue;
            }
            String type = text(a, "type", path + ".type", errors);
            RuleAction action = type == null ? null : switch (type) {
                case "createTask" -> task(a, path, errors);
                case "alert" -> message(a, path, errors);
                case "assignOwner" -> owner(a, path, errors);
                case "addTag" -> tag(a, path, errors);
                case "sendEmail" -> email(a, path, errors);
                case "enroll" -> enroll(a, path, errors);
                case "setStatus" -> status(a, path, errors);
                case "setPriority" -> priority(a, path, errors);
                case "setStage" -> {
                    String stage = text(a, "stage", path + ".stage", errors);
                    yield stage == null ? null : new RuleAction.SetStage(stage);
                }
                default -> {
                    errors.add(new FieldError(path + ".type", "is not an action: " + type));
                    yield null;
                }
            };
            if (action != null) {
                actions.add(action);
            }
        }
        return actions;
    }

    private static @Nullable RuleAction task(JsonNode a, String path, List<FieldError> errors) {
        String title = text(a, "title", path + ".title", errors);
        Assignee assignee = assignee(a.get("assignee"), path + ".assignee", errors);
        JsonNode due = a.get("dueInDays");
        int days = 0;
        if (due != null && (!due.canConvertToInt() || !due.isIntegralNumber() || due.intValue() < 0
                || due.intValue() > 3650)) {
            errors.add(new FieldError(path + ".dueInDays", "must be a whole number of days, 0-3650"));
        } else if (due != null) {
            days = due.intValue();
        }
        return title == null || assignee == null ? null : new RuleAction.CreateTask(title, assignee, days);
    }

    private static @Nullable RuleAction message(JsonNode a, String path, List<FieldError> errors) {
        String message = text(a, "message", path + ".message", errors);
        return message == null ? null : new RuleAction.Alert(message);
    }

    private static @Nullable RuleAction owner(JsonNode a, String path, List<FieldError> errors) {
        Assignee assignee = assignee(a.get("assignee"), path + ".assignee", errors);
        if (assignee instanceof Assignee.Owner) {
            errors.add(new FieldError(path + ".assignee", "must be a user or a team: the owner is already owner"));
            return null;
        }
        return assignee == null ? null : new RuleAction.AssignOwner(assignee);
    }

    private static @Nullable RuleAction tag(JsonNode a, String path, List<FieldError> errors) {
        String tag = text(a, "tag", path + ".tag", errors);
        return tag == null ? null : new RuleAction.AddTag(tag);
    }

    /** The statuses a rule may set: those a person sets by hand (conversion and merging have their own APIs). */
    private static final Set<LeadStatus> SETTABLE = EnumSet.of(LeadStatus.WORKING, LeadStatus.QUALIFIED,
            LeadStatus.UNQUALIFIED);

    private static @Nullable RuleAction status(JsonNode a, String path, List<FieldError> errors) {
        String name = text(a, "status", path + ".status", errors);
        LeadStatus status = name == null ? null : SETTABLE.stream().filter(st -> st.name().equals(name)).findFirst()
                .orElse(null);
        if (name != null && status == null) {
            errors.add(new FieldError(path + ".status", "must be one of " + SETTABLE));
        }
        String reason = null;
        if (status == LeadStatus.UNQUALIFIED) {
            reason = text(a, "reason", path + ".reason", errors);
        }
        return status == null || status == LeadStatus.UNQUALIFIED && reason == null ? null
                : new RuleAction.SetStatus(status, reason);
    }

    private static @Nullable RuleAction priority(JsonNode a, String path, List<FieldError> errors) {
        String name = text(a, "priority", path + ".priority", errors);
        for (CasePriority p : CasePriority.values()) {
            if (p.name().equals(name)) {
                return new RuleAction.SetPriority(p);
            }
        }
        if (name != null) {
            errors.add(new FieldError(path + ".priority", "must be one of " + List.of(CasePriority.values())));
        }
        return null;
    }

    /** The kinds of record an action works on; empty for any. */
    static Set<String> recordsOf(RuleAction action) {
        if (action instanceof RuleAction.AddTag || action instanceof RuleAction.SetStatus
                || action instanceof RuleAction.Enroll) {
            return Set.of("Lead");
        }
        if (action instanceof RuleAction.AssignOwner) {
            return Set.of("Lead", "Case");
        }
        if (action instanceof RuleAction.SendEmail) {
            return Set.of("Lead", "Contact");
        }
        if (action instanceof RuleAction.SetPriority) {
            return Set.of("Case");
        }
        if (action instanceof RuleAction.SetStage) {
            return Set.of("Opportunity");
        }
        return Set.of();
    }

    private static @Nullable RuleAction enroll(JsonNode a, String path, List<FieldError> errors) {
        String sequence = text(a, "sequence", path + ".sequence", errors);
        if (sequence == null) {
            return null;
        }
        try {
            return new RuleAction.Enroll(SequenceId.parse(sequence));
        } catch (ValidationException e) {
            errors.add(new FieldError(path + ".sequence", "is not a sequence id"));
            return null;
        }
    }

    private static @Nullable RuleAction email(JsonNode a, String path, List<FieldError> errors) {
        String template = text(a, "template", path + ".template", errors);
        if (template == null) {
            return null;
        }
        try {
            return new RuleAction.SendEmail(EmailTemplateId.parse(template));
        } catch (ValidationException e) {
            errors.add(new FieldError(path + ".template", "is not a template id"));
            return null;
        }
    }

    private static @Nullable Assignee assignee(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        if (node.isTextual() && node.textValue().equals("owner")) {
            return new Assignee.Owner();
        }
        if (node.isObject() && node.has("user")) {
            UserId user = user(node.get("user"), path + ".user", errors);
            return user == null ? null : new Assignee.User(user);
        }
        if (node.isObject() && node.get("roundRobin") instanceof ArrayNode team && !team.isEmpty()
                && team.size() <= MAX_TEAM) {
            List<UserId> users = new ArrayList<>();
            for (int i = 0; i < team.size(); i++) {
                UserId user = user(team.get(i), path + ".roundRobin[" + i + "]", errors);
                if (user != null) {
                    users.add(user);
                }
            }
            return users.size() == team.size() ? new Assignee.RoundRobin(users) : null;
        }
        errors.add(new FieldError(path, "must be \"owner\", {\"user\": id} or {\"roundRobin\": [1-" + MAX_TEAM
                + " ids]}"));
        return null;
    }

    private static @Nullable UserId user(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || !node.isTextual() || node.textValue().isBlank()
                || node.textValue().length() > UserId.MAX_LENGTH) {
            errors.add(new FieldError(path, "must be a user id of 1-" + UserId.MAX_LENGTH + " characters"));
            return null;
        }
        return UserId.of(node.textValue());
    }

    private static @Nullable String text(JsonNode node, String key, String path, List<FieldError> errors) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        if (v.textValue().length() > MAX_TEXT) {
            errors.add(new FieldError(path, "is longer than " + MAX_TEXT + " characters"));
            return null;
        }
        return v.textValue();
    }

    static String write(RuleDefinition rule) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", rule.name());
        root.put("event", rule.event());
        root.set("criteria", MAPPER.valueToTree(rule.criteria()));
        if (rule.segment() != null) {
            root.put("segment", rule.segment().toString());
        }
        ArrayNode actions = root.putArray("actions");
        for (RuleAction action : rule.actions()) {
            ObjectNode a = actions.addObject();
            if (action instanceof RuleAction.CreateTask t) {
                a.put("type", "createTask").put("title", t.title()).put("dueInDays", t.dueInDays());
                a.set("assignee", assignee(t.assignee()));
            } else if (action instanceof RuleAction.Alert al) {
                a.put("type", "alert").put("message", al.message());
            } else if (action instanceof RuleAction.AssignOwner o) {
                a.put("type", "assignOwner").set("assignee", assignee(o.assignee()));
            } else if (action instanceof RuleAction.AddTag t) {
                a.put("type", "addTag").put("tag", t.tag());
            } else if (action instanceof RuleAction.SendEmail e) {
                a.put("type", "sendEmail").put("template", e.template().toString());
            } else if (action instanceof RuleAction.Enroll e) {
                a.put("type", "enroll").put("sequence", e.sequence().toString());
            } else if (action instanceof RuleAction.SetStatus st) {
                a.put("type", "setStatus").put("status", st.status().name());
                if (st.reason() != null) {
                    a.put("reason", st.reason());
                }
            } else if (action instanceof RuleAction.SetPriority p) {
                a.put("type", "setPriority").put("priority", p.priority().name());
            } else if (action instanceof RuleAction.SetStage st) {
                a.put("type", "setStage").put("stage", st.stage());
            }
        }
        if (rule.after() != null) {
            root.put("after", rule.after().toString());
            ArrayNode unless = root.putArray("unless");
            rule.unless().forEach(unless::add);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule could not be written as JSON", e);
        }
    }

    private static JsonNode assignee(Assignee assignee) {
        if (assignee instanceof Assignee.User u) {
            return MAPPER.createObjectNode().put("user", u.user().value());
        }
        if (assignee instanceof Assignee.RoundRobin r) {
            ObjectNode n = MAPPER.createObjectNode();
            ArrayNode team = n.putArray("roundRobin");
            r.users().forEach(u -> team.add(u.value()));
            return n;
        }
        return MAPPER.getNodeFactory().textNode("owner");
    }
}
