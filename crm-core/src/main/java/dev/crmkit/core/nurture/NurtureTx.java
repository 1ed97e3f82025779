package dev.crmkit.core.nurture;

import dev.crmkit.core.email.EmailTx;
import dev.crmkit.core.lead.LeadTx;

/** The storage transaction as this capability sees it: sequences and enrollments, over leads, tasks and email. */
public interface NurtureTx extends LeadTx, EmailTx {
    SequenceRepository nurtureSequences();

    EnrollmentRepository enrollments();
}
