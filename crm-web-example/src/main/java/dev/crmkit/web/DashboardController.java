package dev.crmkit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.Crm;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.reporting.Dimension;
import dev.crmkit.reporting.ReportResult;
import dev.crmkit.reporting.ReportRow;
import dev.crmkit.reporting.ReportService;
import dev.crmkit.reporting.StandardReports;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The marketing dashboard: the standard ad report as a chart and a table, and the newest leads. */
@Controller
class DashboardController {
    /** One ad's figures as the page shows them. */
    record AdFigures(String ad, BigDecimal clicks, BigDecimal conversions, BigDecimal conversionRate) {
    }

    private final Crm agent;
    private final ReportService reports;
    private final ObjectMapper json;

    DashboardController(Crm crm, ReportService reports, ObjectMapper json) {
        this.agent = crm.as(Actors.AGENT);
        this.reports = reports.as(Actors.AGENT);
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) throws JsonProcessingException {
        ReportResult result = reports.run(StandardReports.adsByConversionRate());
        List<AdFigures> ads = new ArrayList<>();
        for (ReportRow row : result.rows()) {
            ads.add(new AdFigures(result.label(Dimension.AD, row.key(0)), row.value(0), row.value(1),
                    row.value(2)));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("ads", ads.stream().map(AdFigures::ad).toList());
        chart.put("clicks", ads.stream().map(AdFigures::clicks).toList());
        chart.put("conversions", ads.stream().map(AdFigures::conversions).toList());
        List<Lead> leads = agent.leads().search(LeadQuery.all(), PageRequest.first(20)).items();
        model.addAttribute("report", result.name()).addAttribute("ads", ads)
                .addAttribute("chart", json.writeValueAsString(chart)).addAttribute("leads", leads);
        return "dashboard";
    }
}
