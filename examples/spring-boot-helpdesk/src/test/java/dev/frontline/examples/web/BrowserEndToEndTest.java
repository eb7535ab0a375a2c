package dev.frontline.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.lucene.LuceneKnowledgeSearch;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}),
 * started on a random port: the whole support flow across customer, front line and second line,
 * plus the escaping and cross-customer checks as a browser sees them.
 *
 * <p>Skipped with a message when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing, unless
 * {@code FRONTLINE_REQUIRE_BROWSER=true}, which turns a missing browser into a failure (CI sets it).
 * Selenium Manager never runs: both the driver and the browser are given explicitly, so nothing is
 * downloaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIf(value = "browserPresentOrRequired",
    disabledReason = "no /usr/bin/chromium or /usr/bin/chromedriver (Debian packages chromium, chromium-driver); FRONTLINE_REQUIRE_BROWSER=true makes this a failure")
class BrowserEndToEndTest {
  /** Debian's Chromium; another path can be given with {@code -Dfrontline.chromium=...}. */
  static final String CHROMIUM = System.getProperty("frontline.chromium", "/usr/bin/chromium");
  /** Debian's ChromeDriver; another path can be given with {@code -Dfrontline.chromedriver=...}. */
  static final String CHROMEDRIVER = System.getProperty("frontline.chromedriver", "/usr/bin/chromedriver");

  private static ChromeDriver driver;
  private static WebDriverWait wait;
  private static Path profile;

  @LocalServerPort int port;
  @Autowired KnowledgeService knowledge;
  @Autowired LuceneKnowledgeSearch knowledgeSearch;

  private static boolean browserPresent() {
    return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
  }

  private static boolean browserRequired() {
    return "true".equalsIgnoreCase(System.getenv("FRONTLINE_REQUIRE_BROWSER"));
  }

  /** @return whether to run: the browser is there, or it is required (and its absence then fails) */
  static boolean browserPresentOrRequired() {
    if (browserPresent() || browserRequired()) {
      return true;
    }
    System.err.println("SKIPPED BrowserEndToEndTest: it needs " + CHROMIUM + " and " + CHROMEDRIVER
        + " (Debian packages chromium and chromium-driver); set FRONTLINE_REQUIRE_BROWSER=true to fail instead.");
    return false;
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    if (!browserPresent()) {
      Assertions.fail("FRONTLINE_REQUIRE_BROWSER=true, but " + CHROMIUM + " or " + CHROMEDRIVER
          + " is missing (Debian packages chromium and chromium-driver)");
    }
    // Explicit driver and browser paths: Selenium Manager then has nothing to look up or download.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    profile = Files.createTempDirectory("frontline-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
        "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Signs in through the login page as a fresh session. */
  private void signIn(String username) {
    driver.manage().deleteAllCookies();
    driver.get(url("/login"));
    new Select(driver.findElement(By.id("username"))).selectByValue(username);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("me")));
  }

  /** Opens a ticket in the portal as the signed-in customer; returns the ticket page's URL. */
  private String openTicket(String subject, String body) {
    driver.get(url("/portal/tickets/new"));
    driver.findElement(By.id("subject")).sendKeys(subject);
    driver.findElement(By.id("body")).sendKeys(body);
    driver.findElement(By.id("submit-ticket")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conversation")));
    return driver.getCurrentUrl();
  }

  private void submit(String textareaId, String text, String buttonId) {
    driver.findElement(By.id(textareaId)).sendKeys(text);
    driver.findElement(By.id(buttonId)).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), text));
  }

  private List<String> queue(int tier) {
    return driver.findElement(By.id("queue-tier-" + tier)).findElements(By.className("ticket-link")).stream()
        .map(WebElement::getText).toList();
  }

  private static String unique(String s) {
    return s + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  @DisplayName("customer submits → tier 1 sees and replies → customer sees the reply → escalation → tier 2 sees it")
  void supportFlow() {
    String subject = unique("Invoice export fails");
    signIn("carol");
    String ticketUrl = openTicket(subject, "The CSV export stops at 50%.");
    assertThat(driver.findElement(By.id("ticket-subject")).getText()).isEqualTo(subject);
    String ticketPath = ticketUrl.substring(ticketUrl.indexOf("/portal/"));
    String consolePath = ticketPath.replace("/portal/", "/console/");

    signIn("anna");
    driver.get(url("/console"));
    assertThat(queue(1)).contains(subject);
    // the standard SLA policy (SlaConfiguration) gives the ticket a first-response deadline
    assertThat(driver.findElements(By.cssSelector("#queue-tier-1 tr.ticket-row")))
        .filteredOn(r -> r.getText().contains(subject)).singleElement()
        .satisfies(r -> assertThat(r.findElement(By.className("sla")).getText()).startsWith("due in"));
    driver.findElement(By.linkText(subject)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-form")));
    submit("reply-body", "Thanks Carol, we are looking into it.", "send-reply");
    submit("note-body", "Reproduced: the export job times out.", "add-note");

    signIn("carol");
    driver.get(url(ticketPath));
    String conversation = driver.findElement(By.id("conversation")).getText();
    assertThat(conversation).contains("Thanks Carol, we are looking into it.").contains("Anna Jensen")
        .doesNotContain("Reproduced");

    signIn("anna");
    driver.get(url(consolePath));
    driver.findElement(By.id("escalate-reason")).sendKeys("Needs a database look");
    new Select(driver.findElement(By.id("escalate-tier"))).selectByValue("2");
    driver.findElement(By.id("escalate")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-tier-1")));
    assertThat(queue(1)).doesNotContain(subject);

    signIn("bence");
    driver.get(url("/console"));
    assertThat(queue(2)).contains(subject);
    driver.findElement(By.linkText(subject)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-tier")));
    assertThat(driver.findElement(By.id("ticket-tier")).getText()).isEqualTo("2");
    assertThat(driver.findElement(By.id("conversation")).getText()).contains("Needs a database look").contains("Reproduced");
  }

  @Test
  @DisplayName("a script in a ticket is shown as text and never runs, for the customer and the agent")
  void scriptIsText() {
    String script = "<script>alert(1)</script>";
    signIn("carol");
    openTicket(script, "<img src=x onerror=alert(2)>" + script);
    assertInert(script);
    driver.get(url("/portal"));
    assertThat(driver.findElement(By.id("my-tickets")).getText()).contains(script);
    assertInert(script);

    signIn("anna");
    driver.get(url("/console"));
    assertThat(queue(1)).contains(script);
    assertInert(script);
    driver.findElement(By.linkText(script)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-subject")));
    assertThat(driver.findElement(By.id("ticket-subject")).getText()).isEqualTo(script);
    assertInert(script);
  }

  private static void assertInert(String script) {
    assertThat(driver.findElements(By.tagName("script"))).isEmpty();
    assertThat(driver.findElements(By.tagName("img"))).isEmpty();
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(script);
  }

  @Test
  @DisplayName("help search: suggestions while typing, a Danish query finds the Danish article with highlights")
  void knowledgeSearch() {
    signIn("carol");
    driver.get(url("/portal/help"));
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("nulstil adg");
    // the script fills the <datalist> from /portal/help/suggest
    wait.until(d -> d.findElements(By.cssSelector("#kb-suggestions option")).stream()
        .anyMatch(o -> "Nulstil din adgangskode".equals(o.getAttribute("value"))));
    q.clear();
    q.sendKeys("nulstil adgangskode");
    driver.findElement(By.id("kb-search")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kb-results")));
    List<WebElement> hits = driver.findElements(By.cssSelector("#kb-results .kb-hit"));
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).findElement(By.className("kb-title")).getText()).isEqualTo("Nulstil din adgangskode");
    assertThat(hits.get(0).findElement(By.className("lang")).getText()).isEqualTo("da");
    assertThat(hits.get(0).findElements(By.tagName("mark"))).isNotEmpty();
    hits.get(0).findElement(By.className("kb-title")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("article-body")));
    assertThat(driver.findElement(By.id("article-body")).getText()).contains("Glemt adgangskode");
  }

  @Test
  @DisplayName("new ticket: matching help articles appear while the customer types")
  void relatedArticlesWhileTyping() {
    signIn("carol");
    driver.get(url("/portal/tickets/new"));
    assertThat(driver.findElement(By.id("related-box")).isDisplayed()).isFalse();
    driver.findElement(By.id("subject")).sendKeys("Elfelejtettem a jelszavamat");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("related-box")));
    assertThat(driver.findElements(By.cssSelector("#related-articles a.related-article")).stream().map(WebElement::getText))
        .contains("Elfelejtett jelszó visszaállítása");
  }

  @Test
  @DisplayName("markup in an article's title and body is shown as text in results, suggestions and the article page")
  void articleMarkupIsText() {
    String script = "<script>alert(1)</script>";
    knowledge.save(Principal.system("test"), Article.builder(ArticleId.of("xss-browser"), Locale.ENGLISH, script + " Wombat wiki")
        .body("<img src=x onerror=alert(2)> The wombat <b>wiki</b>.").status(ArticleStatus.PUBLISHED).build(), 0);
    knowledgeSearch.refresh();
    signIn("carol");
    driver.get(url("/portal/help"));
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("wombat");
    wait.until(d -> d.findElements(By.cssSelector("#kb-suggestions option")).stream()
        .anyMatch(o -> (script + " Wombat wiki").equals(o.getAttribute("value"))));
    assertOnlyOwnScript();
    driver.findElement(By.id("kb-search")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kb-results")));
    WebElement hit = driver.findElement(By.cssSelector("#kb-results .kb-hit"));
    assertThat(hit.findElement(By.className("kb-title")).getText()).isEqualTo(script + " Wombat wiki");
    assertThat(hit.findElement(By.className("snippet")).getText()).contains("<img src=x onerror=alert(2)>").contains("<b>wiki</b>");
    assertThat(hit.findElements(By.tagName("mark"))).isNotEmpty();
    assertOnlyOwnScript();
    hit.findElement(By.className("kb-title")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("article-title")));
    assertThat(driver.findElement(By.id("article-title")).getText()).isEqualTo(script + " Wombat wiki");
    assertInert(script + " Wombat wiki");
  }

  /** The help pages load exactly one script, the app's own file; nothing from the content runs. */
  private static void assertOnlyOwnScript() {
    assertThat(driver.findElements(By.tagName("script"))).extracting(e -> e.getAttribute("src"))
        .allMatch(src -> src != null && src.endsWith("/js/kb-suggest.js"));
    assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  @DisplayName("customer B opening customer A's ticket URL sees a not-found page with nothing of it")
  void otherCustomersTicket() {
    String subject = unique("Carol's private matter");
    signIn("carol");
    String ticketUrl = openTicket(subject, "My account number is 4711.");
    String key = driver.findElement(By.id("ticket-key")).getText();

    signIn("dave");
    driver.get(ticketUrl);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
    assertThat(driver.findElement(By.id("error-title")).getText()).isEqualTo("404 Not found");
    assertThat(driver.getPageSource()).doesNotContain(subject).doesNotContain("4711").doesNotContain(key);
    assertThat(driver.findElement(By.id("me")).getText()).isEqualTo("Dave Smith");
    driver.get(url("/portal"));
    assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain(subject);
  }
}
