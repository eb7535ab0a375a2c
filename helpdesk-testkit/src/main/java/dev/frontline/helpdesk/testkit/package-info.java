/**
 * The contract test kit (TCK): abstract JUnit 5 test classes that every implementation of a
 * Frontline SPI extends, supplying a fresh instance. Also ships test helpers such as {@link
 * dev.frontline.helpdesk.testkit.MutableClock}. Randomized tests print their seed and take it back
 * through the system property {@code frontline.seed}.
 */
@NullMarked
package dev.frontline.helpdesk.testkit;

import org.jspecify.annotations.NullMarked;
