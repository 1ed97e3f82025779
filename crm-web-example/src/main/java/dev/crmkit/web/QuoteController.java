package dev.crmkit.web;

import dev.crmkit.core.Crm;
import dev.crmkit.core.sales.Quote;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Quote preview: the document the customer would receive, before it is sent. */
@Controller
class QuoteController {
    private final Crm agent;

    QuoteController(Crm crm) {
        this.agent = crm.as(Actors.AGENT);
    }

    @GetMapping("/quotes/{number}")
    String preview(@PathVariable String number, Model model) {
        Quote quote = agent.quotes().findByNumber(number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no quote " + number));
        model.addAttribute("quote", quote).addAttribute("document", agent.quotes().html(quote.id()));
        return "quote";
    }
}
