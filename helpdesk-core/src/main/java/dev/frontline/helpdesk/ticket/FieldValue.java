package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A typed custom-field value. Immutable. Field names are identifiers (see {@link
 * dev.frontline.helpdesk.internal.Checks#identifier}); values are one of four types.
 */
public sealed interface FieldValue
    permits FieldValue.Text, FieldValue.Number, FieldValue.Bool, FieldValue.Date {

  /**
   * Free text, at most 4,000 characters.
   *
   * @param value the text
   */
  record Text(String value) implements FieldValue {
    /** Validates the text. */
    public Text {
      Checks.notNull(value, "text field value");
      Checks.require(value.length() <= 4000, "text field value must be at most 4000 characters");
    }
  }

  /**
   * A decimal number.
   *
   * @param value the number
   */
  record Number(BigDecimal value) implements FieldValue {
    /** Rejects null. */
    public Number {
      Checks.notNull(value, "number field value");
    }
  }

  /**
   * A yes/no value.
   *
   * @param value the flag
   */
  record Bool(boolean value) implements FieldValue {}

  /**
   * A calendar date.
   *
   * @param value the date
   */
  record Date(LocalDate value) implements FieldValue {
    /** Rejects null. */
    public Date {
      Checks.notNull(value, "date field value");
    }
  }

  /**
   * @param text the text
   * @return a text value
   */
  static FieldValue text(String text) {
    return new Text(text);
  }

  /**
   * @param number the number
   * @return a number value
   */
  static FieldValue number(BigDecimal number) {
    return new Number(number);
  }

  /**
   * @param flag the flag
   * @return a boolean value
   */
  static FieldValue bool(boolean flag) {
    return new Bool(flag);
  }

  /**
   * @param date the date
   * @return a date value
   */
  static FieldValue date(LocalDate date) {
    return new Date(date);
  }
}
