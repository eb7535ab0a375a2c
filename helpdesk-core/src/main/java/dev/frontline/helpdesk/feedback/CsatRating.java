package dev.frontline.helpdesk.feedback;

import dev.frontline.helpdesk.internal.Checks;

/**
 * A satisfaction rating: 1 to 5 stars, or good/bad. Immutable.
 *
 * @param scale the scale
 * @param value 1 to 5 on {@link Scale#FIVE_POINT}; 1 (bad) or 5 (good) on {@link Scale#GOOD_BAD}
 */
public record CsatRating(Scale scale, int value) {
  /** The rating scales. */
  public enum Scale {
    /** One to five stars. */
    FIVE_POINT,
    /** Good or bad. */
    GOOD_BAD
  }

  /** Validates. */
  public CsatRating {
    Checks.notNull(scale, "scale");
    if (scale == Scale.FIVE_POINT) {
      Checks.require(value >= 1 && value <= 5, "a rating is 1 to 5");
    } else {
      Checks.require(value == 1 || value == 5, "a good/bad rating is 5 (good) or 1 (bad)");
    }
  }

  /**
   * @param stars 1 to 5
   * @return the rating
   */
  public static CsatRating stars(int stars) {
    return new CsatRating(Scale.FIVE_POINT, stars);
  }

  /** @return a good rating */
  public static CsatRating good() {
    return new CsatRating(Scale.GOOD_BAD, 5);
  }

  /** @return a bad rating */
  public static CsatRating bad() {
    return new CsatRating(Scale.GOOD_BAD, 1);
  }

  /** @return whether the customer was satisfied (4 or 5 stars, or good) */
  public boolean satisfied() {
    return value >= 4;
  }
}
