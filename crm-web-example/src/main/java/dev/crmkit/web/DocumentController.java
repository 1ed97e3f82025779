package dev.crmkit.web;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.DocumentId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.document.Document;
import dev.crmkit.core.document.DocumentOwner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Documents on a customer, from the agent console: upload (streamed to the store) and download. */
@Controller
class DocumentController {
    private final Crm agent;

    DocumentController(Crm crm) {
        this.agent = crm.as(Actors.AGENT);
    }

    @PostMapping("/agent/documents")
    String upload(@RequestParam String contact, @RequestParam String q, @RequestParam("file") MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        try (InputStream in = file.getInputStream()) {
            agent.documents().attach(DocumentOwner.of(ContactId.parse(contact)),
                    file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(), null, in);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/agent?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    @GetMapping("/documents/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable String id) {
        Document d = agent.documents().get(DocumentId.parse(id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.mediaType())).contentLength(d.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.name(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(agent.documents().open(d.id())));
    }
}
