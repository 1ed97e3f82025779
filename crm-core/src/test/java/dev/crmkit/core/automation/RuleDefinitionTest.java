package dev.crmkit.core.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.nurture.SequenceId;
import dev.crmkit.core.segment.Criteria;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RuleDefinitionTest {
    private static final String CRITERIA =
            "{\"type\":\"condition\",\"field\":\"score\",\"op\":\"GE\",\"values\":[\"50\"]}";

    private static List<String> refusedPaths(String json) {
        ValidationException e = (ValidationException) org.assertj.core.api.Assertions
                .catchThrowable(() -> RuleDefinition.fromJson(json));
        assertThat(e).as("refused").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aRuleWithEveryActionReadsBackAsWritten() {
        RuleDefinition rule = new RuleDefinition("hot leads", "LeadCaptured", Criteria.field("score").ge(50),
                List.of(new RuleAction.CreateTask("Call", new Assignee.Owner(), 2),
                        new RuleAction.Alert("hot lead"),
                        new RuleAction.AssignOwner(new Assignee.RoundRobin(List.of(UserId.of("a"), UserId.of("b")))),
                        new RuleAction.AssignOwner(new Assignee.User(UserId.of("c"))),
                        new RuleAction.AddTag("hot"),
                        new RuleAction.SendEmail(EmailTemplateId.of(UUID.randomUUID())),
                        new RuleAction.SetStatus(LeadStatus.UNQUALIFIED, "no budget"),
                        new RuleAction.SetStatus(LeadStatus.WORKING, null),
                        new RuleAction.Enroll(SequenceId.of(UUID.randomUUID()))),
                Duration.ofDays(2), Set.of("LeadStatusChanged", "LeadAssigned"));
        assertThat(RuleDefinition.fromJson(rule.toJson())).isEqualTo(rule);
    }

    @Test
    void aDelayAndItsCancellingEventsAreCheckedByPath() {
        assertThat(refusedPaths("{\"name\":\"r\",\"event\":\"LeadCaptured\",\"after\":\"soon\","
                + "\"unless\":[\"LeadAssigned\",\"TaskCreated\",\"Nope\"],\"actions\":[{\"type\":\"alert\","
                + "\"message\":\"m\"}]}")).containsExactly("after", "unless[1]", "unless[2]");
        assertThat(refusedPaths("{\"name\":\"r\",\"event\":\"LeadCaptured\",\"after\":\"PT1S\","
                + "\"actions\":[{\"type\":\"sendEmail\",\"template\":\"x\"}]}"))
                .containsExactlyInAnyOrder("after", "actions[0].template");
    }

    @Test
    void anUnknownEventTypeIsRefusedOnEvent() {
        assertThat(refusedPaths("{\"name\":\"r\",\"event\":\"LeadTeleported\",\"actions\":[{\"type\":\"alert\","
                + "\"message\":\"m\"}]}")).containsExactly("event");
    }

    @Test
    void aCriteriaFieldThatDoesNotExistIsRefusedUnderCriteria() {
        assertThat(refusedPaths("{\"name\":\"r\",\"event\":\"LeadCaptured\",\"criteria\":{\"type\":\"condition\","
                + "\"field\":\"shoeSize\",\"op\":\"EQ\",\"values\":[\"9\"]},\"actions\":[{\"type\":\"alert\","
                + "\"message\":\"m\"}]}")).singleElement().asString().startsWith("criteria");
    }

    @Test
    void criteriaOnAnEventWithoutALeadAreRefused() {
        assertThat(refusedPaths("{\"name\":\"r\",\"event\":\"TaskCreated\",\"criteria\":" + CRITERIA
                + ",\"actions\":[{\"type\":\"alert\",\"message\":\"m\"}]}")).containsExactly("criteria");
    }

    @Test
    void anActionMissingItsParametersIsRefusedNamingItsPath() {
        assertThat(refusedPaths("{\"name\":\"r\",\"event\":\"LeadCaptured\",\"criteria\":" + CRITERIA
                + ",\"actions\":[{\"type\":\"alert\",\"message\":\"m\"},{\"type\":\"addTag\",\"tag\":\"t\"},"
                + "{\"type\":\"createTask\",\"title\":\"Call\"},{\"type\":\"assignOwner\",\"assignee\":{\"user\":\"\"}},"
                + "{\"type\":\"teleport\"}]}"))
                .containsExactly("actions[2].assignee", "actions[3].assignee.user", "actions[4].type");
    }

    @Test
    void aRuleWithoutActionsOrNameIsRefused() {
        assertThat(refusedPaths("{\"event\":\"LeadCaptured\",\"actions\":[]}")).containsExactly("name", "actions");
    }

    @Test
    void hostileJsonIsRefusedOnRuleBeforeItIsParsed() {
        assertThatThrownBy(() -> RuleDefinition.fromJson("[".repeat(10_000)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("rule"));
        assertThatThrownBy(() -> RuleDefinition.fromJson("{\"name\":\"a\",\"name\":\"b\"}"))
                .isInstanceOf(ValidationException.class);
    }

    @Property(tries = 300)
    void anyTextIsEitherARuleOrAValidationException(@ForAll String json) {
        try {
            RuleDefinition.fromJson(json);
        } catch (ValidationException expected) {
            assertThat(expected.errors()).isNotEmpty();
        }
    }
}
