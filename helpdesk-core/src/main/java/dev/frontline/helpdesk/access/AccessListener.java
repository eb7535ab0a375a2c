package dev.frontline.helpdesk.access;

/**
 * Receives denied attempts. Called synchronously after the denial; must be thread-safe and fast;
 * exceptions it throws are logged and ignored.
 */
@FunctionalInterface
public interface AccessListener {
  /** @param denial the denied attempt */
  void denied(AccessDecision denial);
}
