package dev.crmkit.mail.smtp;

import dev.crmkit.core.email.EmailMessage;
import dev.crmkit.core.email.EmailSendException;
import dev.crmkit.core.email.EmailSender;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * An {@link EmailSender} over SMTP (Jakarta Mail, implemented by Eclipse Angus): a message with a text body goes as
 * {@code multipart/alternative} (text, then HTML), one without as a single HTML part; bodies and subject in UTF-8
 * (the subject RFC 2047-encoded where it needs to be). One connection per message. Give it to
 * {@code Crm.builder().with(SmtpEmailSender.create(settings))}. Thread-safe.
 *
 * <p>Failures become {@link EmailSendException}: {@code permanent()} for a refused login, address or message (5xx,
 * and header values that would break the message), not for an unreachable server or a temporary refusal (4xx).
 */
public final class SmtpEmailSender implements EmailSender {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final Session session;

    private SmtpEmailSender(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    public static SmtpEmailSender create(SmtpSettings settings) {
        return new SmtpEmailSender(Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public void send(EmailMessage message) {
        Objects.requireNonNull(message, "message");
        MimeMessage mime = mime(message);
        try (Transport transport = session.getTransport()) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            throw failure(e);
        }
    }

    private MimeMessage mime(EmailMessage m) {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(m.from().value(), m.fromName(), UTF_8));
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to().value(), true));
            mime.setSubject(m.subject(), UTF_8);
            if (m.text() == null) {
                mime.setText(m.html(), UTF_8, "html");
            } else {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(m.text(), UTF_8, "plain");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(m.html(), UTF_8, "html");
                mime.setContent(new MimeMultipart("alternative", text, html));
            }
            for (Map.Entry<String, String> h : m.headers().entrySet()) {
                String name = h.getKey();
                String value = h.getValue();
                if (!name.matches("[!-9;-~]+") || value == null || value.indexOf('\r') >= 0
                        || value.indexOf('\n') >= 0) {
                    throw new EmailSendException("header " + name + " is not a single-line header", true);
                }
                mime.addHeader(name, MimeUtility.fold(name.length() + 2, value));
            }
            mime.saveChanges();
            return mime;
        } catch (AddressException e) {
            throw new EmailSendException("an address is not valid for SMTP: " + e.getMessage(), true, e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new EmailSendException("the message could not be built: " + e.getMessage(), true, e);
        }
    }

    /** The typed failure: permanent when the server refused with 5xx or the login failed. */
    private static EmailSendException failure(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new EmailSendException("the SMTP server refused the login", true, e);
        }
        if (e instanceof MailConnectException) {
            return new EmailSendException("the SMTP server could not be reached: " + e.getMessage(), false, e);
        }
        int code = code(e);
        if (code > 0) {
            return new EmailSendException("the SMTP server refused the message (" + code + "): " + e.getMessage(),
                    code >= 500, e);
        }
        return new EmailSendException("sending failed: " + e.getMessage(), false, e);
    }

    /** The SMTP reply code of {@code e} or of the failure it wraps, or 0. */
    private static int code(Exception e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof SendFailedException && x != e && code(x) > 0) {
                return code(x);
            }
        }
        return 0;
    }

    private static Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        String protocol = s.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        p.put("mail.transport.protocol", protocol);
        p.put(prefix + "host", s.host());
        p.put(prefix + "port", Integer.toString(s.port()));
        p.put(prefix + "auth", Boolean.toString(s.username() != null));
        p.put(prefix + "connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
        p.put(prefix + "timeout", Long.toString(s.timeout().toMillis()));
        p.put(prefix + "writetimeout", Long.toString(s.timeout().toMillis()));
        if (s.security() == SmtpSettings.Security.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (s.security() != SmtpSettings.Security.NONE) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        // Non-ASCII subjects and names as RFC 2047 words, bodies as UTF-8 (quoted-printable or base64).
        p.put("mail.mime.charset", UTF_8);
        return p;
    }
}
