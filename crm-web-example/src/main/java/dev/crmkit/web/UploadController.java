package dev.crmkit.web;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV lead upload through CRMKit's import API: checked by a dry run on upload, then imported in the background while
 * the page polls its progress.
 */
@Controller
class UploadController {
    private final LeadUploads uploads;

    UploadController(Crm crm) {
        this.uploads = new LeadUploads(crm.as(Actors.WEBSITE));
    }

    @GetMapping("/leads/upload")
    String form() {
        return "upload";
    }

    @PostMapping("/leads/upload")
    String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        try {
            String job = uploads.start(file.getBytes());
            return "redirect:/leads/upload/" + job;
        } catch (ValidationException e) {
            model.addAttribute("error", String.join("; ", e.errors().stream().map(FieldError::toString).toList()));
            return "upload";
        }
    }

    @GetMapping("/leads/upload/{job}")
    String progressPage(@PathVariable String job, Model model) {
        model.addAttribute("job", job);
        return "upload-progress";
    }

    @GetMapping("/leads/upload/{job}/progress")
    @ResponseBody
    ResponseEntity<Map<String, Object>> progress(@PathVariable String job) {
        Optional<LeadUploads.Progress> p = uploads.progress(job);
        return p.map(value -> ResponseEntity.ok(value.asMap())).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
