package io.opsflow.clients;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The login page that Tasklist, Cockpit and Admin share; demo users' password is their id. */
final class CamundaLogin {

  private static final By USERNAME = By.cssSelector("form[name=signinForm] input[ng-model=username]");
  private static final By PASSWORD = By.cssSelector("form[name=signinForm] input[ng-model=password]");
  private static final By LOG_IN = By.cssSelector("form[name=signinForm] button[type=submit]");
  private static final By ERROR = By.cssSelector(".page-notifications .alert-danger");
  private static final By ACCOUNT_MENU = By.cssSelector("[cam-widget-header] li.account > a");
  private static final By LOG_OUT = By.cssSelector("[cam-widget-header] li.logout > a");

  private final Browser browser;

  CamundaLogin(Browser browser) {
    this.browser = browser;
  }

  /**
   * Opens the webapp, which shows its login page to a visitor, and logs in. Waits until the header
   * shows the account menu of the logged-in user, or the login page a refusal. While the webapp is
   * still starting it may render the login form anew and drop what was typed; the credentials are
   * then typed again.
   */
  void logIn(String webappPath, String user) {
    browser.open(webappPath);
    browser.until(driver -> {
      if (!driver.findElements(ACCOUNT_MENU).isEmpty() || !driver.findElements(ERROR).isEmpty()) {
        return true;
      }
      if (!user.equals(driver.findElement(USERNAME).getDomProperty("value"))) {
        submit(driver, user);
      }
      return false;
    });
  }

  private static void submit(WebDriver driver, String user) {
    for (By field : new By[] {USERNAME, PASSWORD}) {
      WebElement input = driver.findElement(field);
      input.clear();
      input.sendKeys(user);
    }
    driver.findElement(LOG_IN).click();
  }

  /** Logs out through the user menu of the webapp's header. */
  void logOut() {
    browser.click(ACCOUNT_MENU);
    browser.click(LOG_OUT);
    browser.visible(LOG_IN);
    browser.step("logged out");
  }

  /** The message of a refused login, once shown. */
  String refusal() {
    String message = browser.visible(ERROR).getText();
    browser.visible(LOG_IN);
    browser.step("login refused");
    return message;
  }
}
