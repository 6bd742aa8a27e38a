package vn.dvk.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Playwright (no browser download: {@code /usr/bin/chromium}, or the path in
 * {@code DVK_CHROMIUM}). One browser per test class; one context (cookie jar) per signed-in person.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String base;

    public Browser(String base) {
        this.base = base;
        String exe = System.getenv().getOrDefault("DVK_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Paths.get(exe))) {
            throw new IllegalStateException("Chromium not found at " + exe + " (apt-get install -y chromium)");
        }
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(exe))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-quic")));
    }

    /** A fresh person at the sign-in page, on a phone-sized or desktop-sized screen. */
    public Page person(boolean phone) {
        BrowserContext context = browser.newContext(new NewContextOptions()
                .setViewportSize(phone ? 390 : 1280, phone ? 844 : 900)
                .setLocale("vi-VN"));
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        // an assertion waits as long as an action: with two test JVMs and Chromium on two cores a page can take
        // more than the default 5 s to come back
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        return page;
    }

    public Page signIn(String username, String password) {
        return signIn(username, password, 1280);
    }

    /** Signed in on a screen {@code width} pixels wide (under 600: a phone, 844 high; otherwise 900 high). */
    public Page signIn(String username, String password, int width) {
        Page page = person(width < 600);
        page.setViewportSize(width, width < 600 ? 844 : 900);
        page.navigate(base + "/login");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.locator("form button[type=submit]").click();
        page.waitForURL(base + "/");
        return page;
    }

    public String url(String path) {
        return base + path;
    }

    /** Saves a screenshot under target/screenshots for people to look at. */
    public static void shot(Page page, String name) {
        Path dir = Paths.get("target", "screenshots");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(
                new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
