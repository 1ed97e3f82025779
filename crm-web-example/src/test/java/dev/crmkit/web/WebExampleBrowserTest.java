package dev.crmkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web example in a real headless browser, as a visitor, a marketer and an agent use it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:web-example-browser;DB_CLOSE_DELAY=-1")
class WebExampleBrowserTest {
    private static WebDriver browser;

    @LocalServerPort
    private int port;
    @Autowired
    private Crm crm;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private List<Lead> leadsWithEmail(String email) {
        return crm.as(Actors.AGENT).leads().search(LeadQuery.all(), PageRequest.first(100)).items().stream()
                .filter(l -> l.reach().email() != null && l.reach().email().value().equals(email)).toList();
    }

    /**
     * The element's text once it shows {@code expected}: a click that submits a form returns before the next page
     * replaces this one, so reading at once can find the old page's element, or lose it while reading.
     */
    private String textOnceItShows(By locator, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, expected));
        return browser.findElement(locator).getText();
    }

    private void fill(String name, String value) {
        WebElement input = browser.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void aVisitorClicksAnAdIsToldOfABadEmailSignsUpAndTheDashboardShowsTheLeadAndTheClick() throws Exception {
        browser.get(url("/"));
        browser.findElement(By.id("ad-SPRING-A")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/?ad=SPRING-A");

        fill("first", "Grace");
        fill("last", "Hopper");
        fill("email", "grace-at-example.com");
        browser.findElement(By.id("submit")).click();
        assertThat(textOnceItShows(By.id("error-email"), "email")).isNotBlank();
        Browser.screenshot(browser, "01-form-with-bad-email");
        assertThat(leadsWithEmail("grace-at-example.com")).as("nothing stored").isEmpty();

        fill("email", "grace@example.com");
        browser.findElement(By.id("submit")).click();
        assertThat(textOnceItShows(By.id("thanks"), "Thank you")).isNotBlank();
        Browser.screenshot(browser, "02-thanks");
        assertThat(leadsWithEmail("grace@example.com")).hasSize(1);

        browser.get(url("/dashboard"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.id("chart"),
                "data-ready", "true"));
        WebElement bannerA = browser.findElement(By.cssSelector("#ads tr[data-ad='Banner A']"));
        assertThat(bannerA.findElement(By.className("clicks")).getText()).isEqualTo("1");
        assertThat(bannerA.findElement(By.className("conversions")).getText())
                .as("the thank-you page's pixel converted the click").isEqualTo("1");
        assertThat(browser.findElement(By.id("leads")).getText()).contains("grace@example.com");
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).as("the chart was drawn").isNotEmpty();
        Browser.screenshot(browser, "03-dashboard");
    }

    @Test
    void anAgentFindsTheCallerByPhoneOpensACaseAttachesADocumentAndPreviewsTheirQuote(@TempDir Path dir)
            throws Exception {
        browser.get(url("/agent"));
        fill("q", "+44 20 7946 0018");
        browser.findElement(By.id("search")).click();
        assertThat(textOnceItShows(By.id("customer-name"), "Ada")).isEqualTo("Ada Lovelace");

        fill("subject", "Engine jams");
        browser.findElement(By.id("open-case")).click();
        assertThat(textOnceItShows(By.id("cases"), "Engine jams")).contains("CS-");
        Path photo = dir.resolve("broken-part.pdf");   // a PNG, whatever its name says
        Files.write(photo, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
            'R'});
        browser.findElement(By.id("document-file")).sendKeys(photo.toString());
        browser.findElement(By.id("attach")).click();
        assertThat(textOnceItShows(By.id("documents"), "broken-part.pdf"))
                .contains("image/png").contains("version 1");
        Browser.screenshot(browser, "04-agent-console");

        browser.findElement(By.linkText("Q-1")).click();
        assertThat(textOnceItShows(By.tagName("h1"), "Quote Q-1")).startsWith("Quote Q-1");
        browser.switchTo().frame(browser.findElement(By.id("document")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Analytical Engine");
        browser.switchTo().defaultContent();
        Browser.screenshot(browser, "05-quote-preview");
    }

    @Test
    void anUploadedCsvIsImportedWithProgressAndItsBadRowsNamed(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("leads.csv");
        Files.writeString(csv, """
                first,last,email,company
                Katherine,Johnson,katherine@example.com,"NASA, Langley"
                Bad,Row,not-an-email,
                """);
        browser.get(url("/leads/upload"));
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.id("upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.id("status"),
                "data-finished", "true"));
        assertThat(browser.findElement(By.id("status")).getText()).contains("2 of 2 rows, 1 created, 0 skipped, 1 failed");
        assertThat(browser.findElement(By.id("errors")).getText()).contains("row 3: email");
        Browser.screenshot(browser, "06-upload-progress");
        assertThat(leadsWithEmail("katherine@example.com")).singleElement()
                .satisfies(l -> assertThat(l.identity().company()).isEqualTo("NASA, Langley"));

        browser.get(url("/leads/upload"));
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.id("upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.id("status"),
                "data-finished", "true"));
        assertThat(browser.findElement(By.id("status")).getText()).as("the same file again creates nothing")
                .contains("2 of 2 rows, 0 created, 1 skipped, 1 failed");
        assertThat(leadsWithEmail("katherine@example.com")).hasSize(1);
    }

    @Test
    void anUploadWithAnUnknownColumnIsRefusedOnTheUploadPage(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("shoes.csv");
        Files.writeString(csv, "first,last,email,shoe size\nAda,Lovelace,ada-shoes@example.com,38\n");
        browser.get(url("/leads/upload"));
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.id("upload")).click();
        assertThat(textOnceItShows(By.id("upload-error"), "shoe size: unknown column")).isNotBlank();
        assertThat(leadsWithEmail("ada-shoes@example.com")).isEmpty();
    }

    @Test
    void anOversizedUploadIsRefusedAndNothingIsImported(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.csv");
        Files.writeString(big, "first,last,email\n" + "Ada,Lovelace,ada@example.com\n".repeat(45_000));
        browser.get(url("/leads/upload"));
        browser.findElement(By.id("file")).sendKeys(big.toString());
        browser.findElement(By.id("upload")).click();
        assertThat(textOnceItShows(By.id("upload-error"), "larger than the 1 MB")).isNotBlank();
        Browser.screenshot(browser, "07-upload-too-large");
        assertThat(leadsWithEmail("ada@example.com")).isEmpty();
    }
}
