package dev.crmkit.core.lead;

import dev.crmkit.core.sales.SalesTx;
import dev.crmkit.core.task.TaskTx;

/**
 * The storage transaction as this capability sees it: the lead repository, over those of everything a lead is
 * converted into or moves: sales, customers, tracking and tasks.
 */
public interface LeadTx extends SalesTx, TaskTx {
    LeadRepository leads();
}
