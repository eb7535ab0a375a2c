package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.internal.Checks;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A canned response: changes to the ticket plus a public reply with placeholders, in several
 * languages. All placeholders are checked when the macro is made (unknown ones are rejected).
 * Immutable.
 *
 * @param name unique name (an identifier)
 * @param title display title (untrusted text)
 * @param changes actions applied in order
 * @param replies the reply per locale; may be empty for a macro without reply
 * @param defaultLocale the locale used when neither the requested locale nor its language has a
 *     reply; must have one if there are replies
 */
public record Macro(String name, String title, List<Action> changes, Map<Locale, Template> replies, Locale defaultLocale)
    implements AutomationDefinition {
  /** Validates and copies. */
  public Macro {
    Checks.identifier(name, "macro name");
    Checks.line(title, "macro title", 200);
    changes = List.copyOf(Checks.elements(changes, "changes", 50));
    Checks.notNull(replies, "replies");
    Checks.require(replies.size() <= 100, "at most 100 reply languages");
    replies.forEach((l, t) -> {
      Checks.notNull(l, "locale");
      Checks.notNull(t, "reply");
    });
    replies = Map.copyOf(replies);
    Checks.notNull(defaultLocale, "default locale");
    Checks.require(replies.isEmpty() || replies.containsKey(defaultLocale), "the default locale needs a reply");
    Checks.require(!changes.isEmpty() || !replies.isEmpty(), "a macro changes something or replies");
  }

  /** @return {@link AutomationDefinition.Kind#MACRO} */
  @Override
  public Kind kind() {
    return Kind.MACRO;
  }

  /**
   * @param name name
   * @param title title
   * @param changes changes
   * @param replies reply texts per locale (placeholders are checked)
   * @param defaultLocale fallback locale
   * @return the macro
   * @throws dev.frontline.helpdesk.ValidationException for unknown placeholders
   */
  public static Macro of(String name, String title, List<Action> changes, Map<Locale, String> replies, Locale defaultLocale) {
    Map<Locale, Template> t = new HashMap<>();
    Checks.notNull(replies, "replies").forEach((l, s) -> t.put(l, Template.of(s)));
    return new Macro(name, title, changes, t, defaultLocale);
  }

  /**
   * The reply for a locale: the exact locale, else its language alone, else any reply in that
   * language, else the default locale's.
   *
   * @param locale the wanted locale, or null for the default
   * @return the reply template, if the macro has replies
   */
  public @Nullable Template replyFor(@Nullable Locale locale) {
    if (replies.isEmpty()) {
      return null;
    }
    if (locale != null) {
      Template t = replies.get(locale);
      if (t == null) {
        t = replies.get(Locale.forLanguageTag(locale.getLanguage()));
      }
      if (t == null) {
        t = replies.entrySet().stream().filter(e -> e.getKey().getLanguage().equals(locale.getLanguage()))
            .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Locale::toLanguageTag)))
            .map(Map.Entry::getValue).findFirst().orElse(null);
      }
      if (t != null) {
        return t;
      }
    }
    return replies.get(defaultLocale);
  }
}
