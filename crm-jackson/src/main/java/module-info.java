/** Jackson support for CRMKit's value types (ids, money, email addresses, phone numbers). */
module dev.crmkit.jackson {
    requires transitive dev.crmkit.core;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports dev.crmkit.jackson;
}
