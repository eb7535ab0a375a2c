package dev.frontline.helpdesk.testkit;

import java.util.Random;

/**
 * Seeds for randomized tests: taken from the system property {@code frontline.seed} if set, else
 * random; always printed so a failure can be replayed.
 */
public final class Seeds {
  private Seeds() {}

  /**
   * @param testName printed with the seed
   * @return a random generator with a printed seed
   */
  public static Random random(String testName) {
    String prop = System.getProperty("frontline.seed");
    long seed = prop != null && !prop.isBlank() ? Long.parseLong(prop.trim()) : new Random().nextLong();
    System.out.println("[frontline] " + testName + " seed=" + seed + " (replay with -Dfrontline.seed=" + seed + ")");
    return new Random(seed);
  }
}
