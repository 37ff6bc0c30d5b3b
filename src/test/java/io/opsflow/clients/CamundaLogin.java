package io.opsflow.clients;

import org.openqa.selenium.By;

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

  /** Opens the webapp, which shows its login page to a visitor, and logs in. */
  void logIn(String webappPath, String user) {
    browser.open(webappPath);
    browser.type(USERNAME, user);
    browser.type(PASSWORD, user);
    browser.click(LOG_IN);
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
