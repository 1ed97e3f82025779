package dev.crmkit.examples;

import dev.crmkit.core.Crm;

/** Embeds CRMKit in memory and walks a lead from web form to customer. */
public final class Quickstart {
    private Quickstart() {
    }

    public static void main(String[] args) {
        try (Crm crm = Crm.inMemory()) {
            System.out.println("CRMKit quickstart running as " + crm.actor().user());
        }
    }
}
