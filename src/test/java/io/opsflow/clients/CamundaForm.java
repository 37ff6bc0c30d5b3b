package io.opsflow.clients;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.pagefactory.ByChained;

/**
 * A Camunda Form as Tasklist renders it with form-js, in a task or in the start dialog. Fields are
 * found by their label, as a person finds them.
 */
final class CamundaForm {

  /** How form-js's date picker takes a typed date. */
  private static final DateTimeFormatter DATE_PICKER = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private final Browser browser;
  private final By root;

  /** @param root the element the form is rendered in */
  CamundaForm(Browser browser, By root) {
    this.browser = browser;
    this.root = root;
    browser.visible(new ByChained(root, By.cssSelector(".fjs-form")));
  }

  /** Types into a text field, text area or number field. */
  CamundaForm type(String label, String text) {
    browser.type(field(label, "//*[self::input or self::textarea][contains(@class, 'fjs-')]"), text);
    return this;
  }

  /** Picks an option of a select field. */
  CamundaForm select(String label, String option) {
    browser.click(field(label, "//div[contains(@class, 'fjs-input-group')]"));
    browser.click(field(label, "//div[contains(@class, 'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']"));
    return this;
  }

  /** Types a date into a date field's picker. */
  CamundaForm date(String label, LocalDate date) {
    browser.type(field(label, "//input[contains(@class, 'fjs-input')]"), DATE_PICKER.format(date) + Keys.ENTER);
    return this;
  }

  /** What the form shows, e.g. the summary a text element renders from process variables. */
  String text() {
    return browser.visible(new ByChained(root, By.cssSelector(".fjs-form"))).getText();
  }

  /** The validation message form-js shows under a field. */
  String errorOf(String label) {
    return browser.visible(field(label, "//div[contains(@class, 'fjs-form-field-error')]")).getText();
  }

  /**
   * Something inside the field with this label: the label's own text (without the "*" of required
   * fields), then the nearest form-js field around it.
   */
  private By field(String label, String descendant) {
    return new ByChained(root, By.xpath(".//label[contains(@class, 'fjs-form-field-label')]"
        + "[normalize-space(text()[normalize-space()][1])='" + label + "']"
        + "/ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]" + descendant));
  }
}
