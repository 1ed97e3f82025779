/**
 * CRMKit's domain, services and storage SPI. Every package a host or a storage adapter uses is exported; the one
 * package that reaches inside a {@code Crm} ({@code internal}) is exported only to CRMKit's reporting module.
 */
// requires-automatic: libphonenumber and Tika ship names in their manifests, not descriptors; module: reporting is
// compiled after this module, so javac cannot see it here
@SuppressWarnings({"requires-automatic", "module"})
module dev.crmkit.core {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive org.jspecify;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires com.samskivert.jmustache;
    requires org.apache.commons.codec;
    requires org.apache.commons.csv;
    requires org.apache.lucene.analysis.common;
    requires org.apache.lucene.core;
    requires org.apache.tika.core;
    requires org.slf4j;
    requires java.net.http;

    exports dev.crmkit.core;
    exports dev.crmkit.core.audit;
    exports dev.crmkit.core.automation;
    exports dev.crmkit.core.common;
    exports dev.crmkit.core.consent;
    exports dev.crmkit.core.context;
    exports dev.crmkit.core.customer;
    exports dev.crmkit.core.document;
    exports dev.crmkit.core.email;
    exports dev.crmkit.core.events;
    exports dev.crmkit.core.lead;
    exports dev.crmkit.core.memory;
    exports dev.crmkit.core.nurture;
    exports dev.crmkit.core.privacy;
    exports dev.crmkit.core.sales;
    exports dev.crmkit.core.segment;
    exports dev.crmkit.core.service;
    exports dev.crmkit.core.sharing;
    exports dev.crmkit.core.spi;
    exports dev.crmkit.core.storage;
    exports dev.crmkit.core.task;
    exports dev.crmkit.core.tracking;
    exports dev.crmkit.core.transfer;
    exports dev.crmkit.core.webhook;
    exports dev.crmkit.core.internal to dev.crmkit.reporting;
}
