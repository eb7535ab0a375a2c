/** JMH benchmarks of Frontline. Not published. Run: see {@code docs/benchmarks.md}. */
@NullMarked
package dev.frontline.helpdesk.benchmarks;

import org.jspecify.annotations.NullMarked;
