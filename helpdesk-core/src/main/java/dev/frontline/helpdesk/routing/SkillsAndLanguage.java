package dev.frontline.helpdesk.routing;

import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.Tags;
import dev.frontline.helpdesk.ticket.Ticket;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Keeps only the candidates who have every skill the ticket needs and speak its language, then lets
 * another strategy choose among them; if nobody matches, the ticket is held until someone who does
 * has room.
 *
 * <p>A ticket needs the skills named by its tags that are in the configured skill vocabulary, and
 * those listed (comma-separated) in the text field {@value #SKILLS_FIELD}. Its language is the
 * text field {@value #LOCALE_FIELD} (a BCP 47 tag such as {@code de-CH}, set when the ticket is
 * opened from the requester's {@link dev.frontline.helpdesk.directory.Customer#locale()}); an agent speaks it if one of {@link Agent#languages()} has the same language
 * (the region is ignored). Without that field there is no language requirement. Thread-safe if the
 * delegate is.
 */
public final class SkillsAndLanguage implements AssignmentStrategy {
  /** The custom field with extra required skills, comma-separated. */
  public static final String SKILLS_FIELD = "skills";
  /** The custom field with the requester's locale as a BCP 47 tag. */
  public static final String LOCALE_FIELD = Ticket.LOCALE_FIELD;

  private final Set<String> vocabulary;
  private final AssignmentStrategy then;

  /**
   * @param skillTags tags that denote skills (normalized like tags)
   * @param then chooses among the matching candidates
   */
  public SkillsAndLanguage(Set<String> skillTags, AssignmentStrategy then) {
    Set<String> v = new TreeSet<>();
    for (String s : Checks.elements(skillTags, "skill tags", 10_000)) {
      v.add(Tags.normalize(s));
    }
    this.vocabulary = Set.copyOf(v);
    this.then = Objects.requireNonNull(then, "then");
  }

  /**
   * @param ticket a ticket
   * @return the skills it needs
   */
  public Set<String> requiredSkills(Ticket ticket) {
    Set<String> need = new TreeSet<>();
    for (String t : ticket.tags()) {
      if (vocabulary.contains(t)) {
        need.add(t);
      }
    }
    if (ticket.fields().get(SKILLS_FIELD) instanceof FieldValue.Text text) {
      for (String s : text.value().split(",")) {
        if (!s.isBlank()) {
          need.add(s.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return need;
  }

  /**
   * @param ticket a ticket
   * @return the language it must be handled in, or null if any
   */
  public static @Nullable String requiredLanguage(Ticket ticket) {
    if (ticket.fields().get(LOCALE_FIELD) instanceof FieldValue.Text text) {
      try {
        String lang = new Locale.Builder().setLanguageTag(text.value().strip()).build().getLanguage();
        return lang.isEmpty() ? null : lang;
      } catch (IllformedLocaleException e) {
        return null;
      }
    }
    return null;
  }

  @Override
  public Optional<Agent> choose(Ticket ticket, List<Candidate> candidates) {
    Set<String> skills = requiredSkills(ticket);
    String lang = requiredLanguage(ticket);
    List<Candidate> ok = new ArrayList<>();
    for (Candidate c : candidates) {
      Set<String> has = new TreeSet<>();
      c.agent().skills().forEach(s -> has.add(s.toLowerCase(Locale.ROOT)));
      boolean speaks = lang == null || c.agent().languages().stream().anyMatch(l -> l.getLanguage().equals(lang));
      if (speaks && has.containsAll(skills)) {
        ok.add(c);
      }
    }
    return ok.isEmpty() ? Optional.empty() : then.choose(ticket, ok);
  }
}
