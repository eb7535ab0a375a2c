package dev.frontline.helpdesk;

import java.io.Serial;
import java.util.List;

/**
 * The helpdesk is wired or configured inconsistently: a store a requested service needs was not
 * given, or rules and directory entries name teams, tiers or calendars that do not exist. Thrown by
 * {@link Helpdesk.Builder#build()}, by the first use of a service whose store is missing, and by
 * directory saves that would leave the configuration inconsistent. The message lists every problem
 * found, each saying what to pass or fix.
 */
public class ConfigurationException extends HelpdeskException {
  @Serial private static final long serialVersionUID = 1L;

  /** Every problem found, in the order found. */
  private final List<String> problems;

  /** @param problem what is wrong and what to do about it */
  public ConfigurationException(String problem) {
    this(List.of(problem));
  }

  /** @param problems every problem found (at least one) */
  public ConfigurationException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder b = new StringBuilder(problems.size() + " configuration problems:");
    for (String p : problems) {
      b.append("\n - ").append(p);
    }
    return b.toString();
  }

  /** @return every problem found, at least one */
  public List<String> problems() {
    return problems;
  }
}
