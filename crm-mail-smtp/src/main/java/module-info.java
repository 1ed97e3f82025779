/** An {@code EmailSender} that delivers through an SMTP server (Jakarta Mail, Eclipse Angus). */
module dev.crmkit.mail.smtp {
    requires transitive dev.crmkit.core;
    requires jakarta.mail;
    requires org.eclipse.angus.mail;

    exports dev.crmkit.mail.smtp;
}
