package dev.crmkit.web;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.lead.FormCapture;
import dev.crmkit.core.lead.FormMapping;
import dev.crmkit.core.lead.LeadField;
import dev.crmkit.core.lead.WebFormSubmission;
import dev.crmkit.core.tracking.TrackedActivity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public website: landing page with the lead form, tracked ad links and the conversion pixel. */
@Controller
class LandingController {
    /** The form's fields, by their names in the page, and where each goes on the lead. */
    static final FormMapping CONTACT_US = FormMapping.builder("contact-us")
            .map("first", LeadField.FIRST_NAME).map("last", LeadField.LAST_NAME).map("email", LeadField.EMAIL)
            .map("company", LeadField.COMPANY).map("phone", LeadField.PHONE).map("ad", LeadField.AD_CODE)
            .honeypot("website").build();
    private static final List<String> FIELDS = List.of("first", "last", "email", "company", "phone", "ad", "website");
    private static final byte[] PIXEL = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final Crm website;
    private final Clock clock;

    LandingController(Crm crm, Clock clock) {
        this.website = crm.as(Actors.WEBSITE);
        this.clock = clock;
    }

    @GetMapping("/")
    String landing(@RequestParam(required = false) String ad, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        Visitors.of(request, response);
        Map<String, String> values = new LinkedHashMap<>();
        if (ad != null) {
            values.put("ad", ad);
        }
        model.addAttribute("values", values).addAttribute("errors", Map.of()).addAttribute("ads", DemoData.AD_CODES);
        return "landing";
    }

    /** A form post: captured as a lead, or shown again with each bad field's reason beside it (nothing stored). */
    @PostMapping("/leads")
    String submit(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> {
            String v = form.get(f);
            if (v != null && !v.isBlank()) {
                values.put(f, v.strip());
            }
        });
        try {
            FormCapture captured = website.leads().captureForm(CONTACT_US,
                    WebFormSubmission.of(values).fromVisitor(Visitors.of(request, response)));
            return "redirect:/thanks?lead=" + captured.lead();
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : e.errors()) {
                errors.merge(error.field(), error.reason(), (a, b) -> a + "; " + b);
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("values", values).addAttribute("errors", errors)
                    .addAttribute("ads", DemoData.AD_CODES);
            return "landing";
        }
    }

    @GetMapping("/thanks")
    String thanks() {
        return "thanks";
    }

    /** A tracked ad link: records the click for the visitor, then goes on to the landing page. */
    @GetMapping("/r/{adCode}")
    String adClick(@PathVariable String adCode, HttpServletRequest request, HttpServletResponse response) {
        if (!DemoData.AD_CODES.contains(adCode)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such ad");
        }
        website.tracking().record(new TrackedActivity.AdClick(UUID.randomUUID().toString(), clock.instant(),
                Visitors.of(request, response), adCode, null, null));
        return "redirect:/?ad=" + adCode;
    }

    /** The conversion pixel: a signed-up visitor converted; attributed to their last click. */
    @GetMapping("/pixel.gif")
    ResponseEntity<byte[]> pixel(HttpServletRequest request, HttpServletResponse response) {
        website.tracking().record(new TrackedActivity.Conversion(UUID.randomUUID().toString(), clock.instant(),
                Visitors.of(request, response), null, null, null, null, "sign-up"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore()).body(PIXEL);
    }
}
