package dev.crmkit.core.automation;

import dev.crmkit.core.nurture.NurtureTx;
import dev.crmkit.core.segment.SegmentTx;
import dev.crmkit.core.service.ServiceTx;

/**
 * The storage transaction as this capability sees it: the tenant's rules, their run log and waiting runs, over the
 * records rules act on (leads, tasks) and the segment queries their criteria use.
 */
public interface AutomationTx extends NurtureTx, SegmentTx, ServiceTx {
    AutomationRepository automation();
}
