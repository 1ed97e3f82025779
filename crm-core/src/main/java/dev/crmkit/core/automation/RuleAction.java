package dev.crmkit.core.automation;

import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.nurture.SequenceId;
import dev.crmkit.core.service.CasePriority;
import org.jspecify.annotations.Nullable;

/** One step of a rule, run in the rule's order. */
public sealed interface RuleAction {
    /** Creates a task due {@code dueInDays} after the event. */
    record CreateTask(String title, Assignee assignee, int dueInDays) implements RuleAction {
    }

    /** Raises an alert through the host's notifier. */
    record Alert(String message) implements RuleAction {
    }

    /** Makes {@code assignee} the owner of the lead or case. */
    record AssignOwner(Assignee assignee) implements RuleAction {
    }

    /** Adds a tag to the lead. */
    record AddTag(String tag) implements RuleAction {
    }

    /**
     * Sends the email template to the record's address (a lead's or contact's) through {@code crm.email()}: a
     * marketing template only with consent, within the weekly cap, held in quiet hours. Merge values: the standard
     * fields (firstName, lastName, company, email) and the service's own (unsubscribeUrl).
     */
    record SendEmail(EmailTemplateId template) implements RuleAction {
    }

    /** Moves the lead to WORKING, QUALIFIED or UNQUALIFIED (with {@code reason}), as its status rules allow. */
    record SetStatus(LeadStatus status, @Nullable String reason) implements RuleAction {
    }

    /** Sets the case's priority. */
    record SetPriority(CasePriority priority) implements RuleAction {
    }

    /** Moves the opportunity to {@code stage}, one of the tenant's sales stages. */
    record SetStage(String stage) implements RuleAction {
    }

    /** Enrolls the lead in the nurture sequence (a lead already in it stays where it is). */
    record Enroll(SequenceId sequence) implements RuleAction {
    }
}
