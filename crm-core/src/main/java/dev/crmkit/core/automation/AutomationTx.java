package dev.crmkit.core.automation;

import dev.crmkit.core.email.EmailTx;
import dev.crmkit.core.lead.LeadTx;
import dev.crmkit.core.segment.SegmentTx;
import dev.crmkit.core.service.ServiceTx;

/**
 * The storage transaction as this capability sees it: the tenant's rules, their run log and waiting runs, over the
 * records rules act on (leads, tasks) and the segment queries their criteria use.
 */
public interface AutomationTx extends LeadTx, SegmentTx, ServiceTx, EmailTx {
    AutomationRepository automation();
}
