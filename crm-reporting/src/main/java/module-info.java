/** CRMKit's report engine: definitions, the standard marketing, sales and service reports, and their cache. */
module dev.crmkit.reporting {
    requires transitive dev.crmkit.core;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.github.benmanes.caffeine;
    requires org.slf4j;

    exports dev.crmkit.reporting;
    // definitions and results are read and written as JSON
    opens dev.crmkit.reporting to com.fasterxml.jackson.databind;
}
