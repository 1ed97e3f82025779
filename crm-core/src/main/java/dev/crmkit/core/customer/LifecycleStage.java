package dev.crmkit.core.customer;

/** Whether a person or organisation has bought from us yet. */
public enum LifecycleStage {
    PROSPECT, CUSTOMER
}
