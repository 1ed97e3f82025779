package dev.crmkit.web;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.service.Case;
import dev.crmkit.core.service.CustomerView;
import dev.crmkit.core.service.NewCase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agent console: find the caller by phone, email or tracking number, see the customer, open a case. */
@Controller
class AgentController {
    private final Crm agent;

    AgentController(Crm crm) {
        this.agent = crm.as(Actors.AGENT);
    }

    @GetMapping("/agent")
    String console(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            try {
                CustomerView view = agent.agentView().lookup(q.strip()).orElse(null);
                model.addAttribute("view", view);
                model.addAttribute("documents", view == null ? List.of() : agent.documents().of(view));
                model.addAttribute("quotes", view == null || view.account() == null ? List.of()
                        : agent.opportunities().ofAccount(view.account().id()).stream()
                                .flatMap(o -> agent.quotes().ofOpportunity(o.id()).stream()).toList());
                model.addAttribute("searched", true);
            } catch (ValidationException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "agent";
    }

    @PostMapping("/agent/cases")
    String openCase(@RequestParam String contact, @RequestParam String subject, Model model) {
        try {
            Case opened = agent.cases().open(NewCase.from(ContactId.parse(contact), Channel.PHONE, subject));
            return "redirect:/agent?q=" + URLEncoder.encode(opened.trackingNumber(), StandardCharsets.UTF_8);
        } catch (ValidationException | IllegalArgumentException e) {
            model.addAttribute("q", "").addAttribute("error", e.getMessage());
            return "agent";
        }
    }
}
