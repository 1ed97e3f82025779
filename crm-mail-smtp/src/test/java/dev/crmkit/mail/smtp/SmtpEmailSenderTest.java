package dev.crmkit.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.email.EmailMessage;
import dev.crmkit.core.email.EmailRequest;
import dev.crmkit.core.email.EmailSendException;
import dev.crmkit.core.email.EmailSettings;
import dev.crmkit.core.email.EmailTemplateId;
import dev.crmkit.core.email.NewEmailTemplate;
import dev.crmkit.core.email.QuietHours;
import dev.crmkit.core.email.SendOutcome;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP sender against a real SMTP server (GreenMail) on a free local port. */
class SmtpEmailSenderTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("crm", "s3cret"));

    private static final String SUBJECT = "Grüße aus Köln – 你好 ✓";

    private static SmtpSettings local() {
        return SmtpSettings.of("127.0.0.1", SMTP.getSmtp().getPort()).security(SmtpSettings.Security.NONE)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private static EmailMessage message(String text, Map<String, String> headers) {
        return new EmailMessage(EmailAddress.of("news@shop.example"), "Shöp Nëws", EmailAddress.of("ada@example.com"),
                SUBJECT, "<p>Hallo <b>Ada</b> – ✓</p>", text, headers);
    }

    @Test
    void aMessageWithATextBodyGoesAsMultipartAlternativeWithItsHeadersAndAUtf8Subject() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://shop.example/email/unsubscribe?token=abc.def>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        SmtpEmailSender.create(local()).send(message("Hallo Ada – ✓", headers));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo(SUBJECT);
        assertThat(m.getHeader("Subject", null)).as("encoded on the wire").startsWith("=?UTF-8?");
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("news@shop.example");
        assertThat(from.getPersonal()).isEqualTo("Shöp Nëws");
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.com");
        assertThat(m.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://shop.example/email/unsubscribe?token=abc.def>");
        assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertPart(parts.getBodyPart(0), "text/plain", "Hallo Ada – ✓");
        assertPart(parts.getBodyPart(1), "text/html", "<p>Hallo <b>Ada</b> – ✓</p>");
    }

    private static void assertPart(Part part, String type, String content) throws Exception {
        assertThat(part.getContentType()).startsWith(type).containsIgnoringCase("charset=UTF-8");
        assertThat(part.getContent()).isEqualTo(content);
    }

    @Test
    void aMessageWithoutATextBodyIsOneHtmlPart() throws Exception {
        SmtpEmailSender.create(local()).send(message(null, Map.of()));
        MimeMessage m = SMTP.getReceivedMessages()[0];
        assertPart(m, "text/html", "<p>Hallo <b>Ada</b> – ✓</p>");
    }

    @Test
    void anUnreachableServerIsAnEmailSendExceptionThatMayPassLater() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SmtpSettings nowhere = SmtpSettings.of("127.0.0.1", closed).security(SmtpSettings.Security.NONE)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThatThrownBy(() -> SmtpEmailSender.create(nowhere).send(message("x", Map.of())))
                .isInstanceOfSatisfying(EmailSendException.class, e -> {
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).contains("could not be reached");
                });
    }

    @Test
    void aRefusedLoginIsPermanentAndAGoodOneSends() {
        assertThatThrownBy(() -> SmtpEmailSender.create(local().login("crm", "wrong")).send(message("x", Map.of())))
                .isInstanceOfSatisfying(EmailSendException.class, e -> assertThat(e.permanent()).isTrue());
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        SmtpEmailSender.create(local().login("crm", "s3cret")).send(message("x", Map.of()));
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> SmtpEmailSender.create(local()).send(message("x",
                Map.of("X-Note", "a\r\nBcc: eve@example.com"))))
                .isInstanceOfSatisfying(EmailSendException.class, e -> assertThat(e.permanent()).isTrue());
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void theEmailServiceSendsMarketingMailThroughSmtpWithItsUnsubscribeHeaders() throws Exception {
        try (Crm crm = Crm.builder().actor(Actor.of("acme", "alice", Actor.MANAGER))
                .with(EmailSettings.of("news@shop.example", "a-signing-key-of-the-host-0123456789",
                        "https://shop.example/email").quietHours(QuietHours.NONE))
                .with(SmtpEmailSender.create(local())).build()) {
            EmailTemplateId news = crm.email().createTemplate(NewEmailTemplate.marketing("News",
                    "Neues für {{firstName}}", "<p>{{firstName}}</p><a href=\"{{unsubscribeUrl}}\">Abmelden</a>")
                    .text("{{firstName}}\n{{unsubscribeUrl}}"));
            crm.email().grantConsent("ada@example.com", LawfulBasis.CONSENT, "test");
            assertThat(crm.email().sendMarketing(EmailRequest.of(news, "ada@example.com")
                    .values(Map.of("firstName", "Zoë <Ada>"))).outcome()).isEqualTo(SendOutcome.SENT);

            MimeMessage m = SMTP.getReceivedMessages()[0];
            assertThat(m.getSubject()).isEqualTo("Neues für Zoë <Ada>");
            assertThat(m.getHeader("List-Unsubscribe", null))
                    .isEqualTo("<" + crm.email().unsubscribeUrl("ada@example.com") + ">");
            Multipart parts = (Multipart) m.getContent();
            assertThat((String) parts.getBodyPart(1).getContent()).startsWith("<p>Zoë &lt;Ada&gt;</p>");
        }
    }
}
