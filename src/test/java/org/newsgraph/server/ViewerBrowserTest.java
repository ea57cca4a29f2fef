package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.TestFiles;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer in headless Chromium (Selenium with the system chromedriver): the seed's network
 * loads, clicking the call between Putin and Goïta shows its evidence sentence, and the console
 * stays free of errors. Skipped when Chromium or chromedriver is missing, except on CI (the
 * environment variable CI set), where that is a failure. Writes target/viewer.png.
 */
class ViewerBrowserTest {

  @TempDir
  static Path tmp;

  static GraphStore store;
  static NewsgraphServer server;
  static ChromeDriver driver;

  static Path find(String property, String... candidates) {
    String configured = System.getProperty(property);
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return Path.of(configured);
    }
    for (String c : candidates) {
      if (Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    return null;
  }

  static boolean onCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
  }

  @BeforeAll
  static void start() {
    Path chromium = find("newsgraph.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    Path chromedriver = find("webdriver.chrome.driver", "/usr/bin/chromedriver");
    if (chromium == null || chromedriver == null) {
      String msg = "headless browser test needs Chromium and chromedriver (apt-get install chromium "
          + "chromium-driver); missing: " + (chromium == null ? "chromium " : "") + (chromedriver == null ? "chromedriver" : "");
      if (onCi()) {
        fail(msg + " (CI is set, so this is a failure, not a skip)");
      }
      Assumptions.abort(msg);
    }
    store = GraphStore.open(SeedStore.build(tmp.resolve("store")));
    server = NewsgraphServer.start(store, new NewsgraphServer.Config().port(0));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1400,900", "--lang=fr-FR", "--user-data-dir=" + tmp.resolve("chrome-profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The evidence sentences of the seed's phone call, read from the store (not from the page). */
  static List<String> callEvidence() {
    String q = "PREFIX ng: <" + NG.NS + "> SELECT ?t { ?e a ng:PhoneCall ; ng:evidence/ng:text ?t }";
    return Txn.calculateRead(store.dataset(), () -> {
      try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        qe.execSelect().forEachRemaining(s -> out.add(s.getLiteral("t").getLexicalForm()));
        return out;
      }
    });
  }

  List<String> severeConsoleEntries() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString)
        .collect(Collectors.toList());
  }

  @Test
  void theSeedsNetworkLoadsAndAClickOnTheCallShowsItsEvidence() throws Exception {
    driver.get("http://localhost:" + server.port() + "/?lang=fr");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-loaded") != null);
    assertEquals("true", driver.findElement(By.tagName("body")).getAttribute("data-loaded"),
        "the page loaded its data; console: " + severeConsoleEntries());

    long nodes = ((Number) js("return newsgraph.cy.nodes().length")).longValue();
    assertTrue(nodes >= 5, "nodes shown: " + nodes);
    @SuppressWarnings("unchecked")
    List<String> labels = (List<String>) js("return newsgraph.cy.nodes().map(n => n.data('label'))");
    assertTrue(labels.contains("Vladimir Poutine") && labels.contains("Assimi Goïta"), labels.toString());

    // The call edge between Goïta and Putin, clicked with the mouse at its rendered midpoint.
    @SuppressWarnings("unchecked")
    Map<String, Object> edge = (Map<String, Object>) js(
        "const e = newsgraph.cy.edges().filter(x => x.data('cls') === 'PhoneCall'"
            + " && x.source().data('label') === 'Assimi Goïta' && x.target().data('label') === 'Vladimir Poutine')[0];"
            + "if (!e) return null; const m = e.renderedMidpoint();"
            + "return {id: e.id(), x: m.x, y: m.y};");
    assertTrue(edge != null, "an edge PhoneCall from Goïta to Putin");
    WebElement cy = driver.findElement(By.id("cy"));
    int dx = (int) Math.round(((Number) edge.get("x")).doubleValue() - cy.getRect().getWidth() / 2.0);
    int dy = (int) Math.round(((Number) edge.get("y")).doubleValue() - cy.getRect().getHeight() / 2.0);
    new Actions(driver).moveToElement(cy, dx, dy).click().perform();

    try {
      wait.until(d -> !d.findElements(By.cssSelector("#evidence blockquote.evidence")).isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      Path failed = TestFiles.project().resolve("target/viewer-failure.png");
      Files.createDirectories(failed.getParent());
      Files.write(failed, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      fail("no evidence after clicking the call at " + edge + " (offset " + dx + "," + dy + "); selected: "
          + js("return newsgraph.selected") + "; details: " + driver.findElement(By.id("details")).getText()
          + "; console: " + severeConsoleEntries() + "; screenshot " + failed);
    }
    String details = driver.findElement(By.id("details")).getText();
    assertTrue(details.contains("2023-09-10"), details);
    assertTrue(details.contains("041"), "CAMEO code shown: " + details);
    List<String> sentences = callEvidence();
    assertTrue(sentences.stream().anyMatch(details::contains), "an evidence sentence of the call is shown: " + details);
    assertTrue(!driver.findElements(By.cssSelector("#details a.wikidata[href='https://www.wikidata.org/wiki/Q7747']")).isEmpty(),
        "a Wikidata link for Putin");
    assertTrue(!driver.findElements(By.cssSelector("#details .source a[href^='id/article/']")).isEmpty(),
        "the article of the sentence is linked");

    Path shot = TestFiles.project().resolve("target/viewer.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

    // The calls list, the language switch and the SPARQL tab.
    driver.findElement(By.cssSelector("#tabs button[data-tab=calls]")).click();
    wait.until(d -> d.findElements(By.cssSelector("#calls-table tbody tr[data-event]")).size() >= 1);
    driver.findElement(By.cssSelector("#lang button[data-lang=en]")).click();
    assertEquals("Network", driver.findElement(By.cssSelector("#tabs button[data-tab=network]")).getText());
    assertTrue(driver.findElement(By.id("calls-table")).getText().contains("phone call"),
        driver.findElement(By.id("calls-table")).getText());
    driver.findElement(By.cssSelector("#lang button[data-lang=fr]")).click();
    assertEquals("Réseau", driver.findElement(By.cssSelector("#tabs button[data-tab=network]")).getText());

    driver.findElement(By.cssSelector("#tabs button[data-tab=sparql]")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#yasgui .CodeMirror")).isEmpty());
    wait.until(d -> d.findElements(By.cssSelector("#query-select option")).size() >= 2);
    js("const s = document.getElementById('query-select'); s.value = 'test-phone-calls';"
        + "s.dispatchEvent(new Event('change'));");
    String editor = (String) js("return newsgraph.yasgui.getTab().getYasqe().getValue()");
    assertTrue(editor.contains("ng:PhoneCall"), editor);

    List<String> severe = severeConsoleEntries();
    assertTrue(severe.isEmpty(), "console errors: " + severe);
  }
}
