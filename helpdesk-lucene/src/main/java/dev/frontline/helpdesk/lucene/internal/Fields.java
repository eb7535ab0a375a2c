package dev.frontline.helpdesk.lucene.internal;

import java.util.Locale;
import java.util.Set;

/** Index field names. Text fields carry their analysis in the name; see {@link FieldAnalyzer}. */
public final class Fields {
  /** Article id (keyword, stored). */
  public static final String ID = "id";
  /** Locale language tag (keyword, stored). */
  public static final String LOCALE = "locale";
  /** Language code used for analysis (keyword). */
  public static final String LANG = "lang";
  /** The locale's raw language code, for locale filters (keyword). */
  public static final String LANGUAGE = "language";
  /** Status (keyword). */
  public static final String STATUS = "status";
  /** Visibility level (keyword). */
  public static final String VISIBILITY = "vis";
  /** Teams of a restricted article (keyword, multi-valued). */
  public static final String TEAM = "team";
  /** Every prefix of the category path (keyword, multi-valued). */
  public static final String CATEGORY = "cat";
  /** Tags (keyword, multi-valued). */
  public static final String TAG = "tag";
  /** Translation group (keyword). */
  public static final String GROUP = "group";
  /** Stored title. */
  public static final String TITLE_STORED = "title_raw";
  /** Facet doc values. */
  public static final String CATEGORY_DV = "cat_dv";
  /** Facet doc values. */
  public static final String TAG_DV = "tag_dv";
  /** Facet doc values. */
  public static final String LOCALE_DV = "locale_dv";
  /** Article id doc values: what a hit reads without decompressing stored fields. */
  public static final String ID_DV = "id_dv";
  /** Title doc values: what a hit reads without decompressing stored fields. */
  public static final String TITLE_DV = "title_dv";
  /** Translation group doc values (preferring one translation per group). */
  public static final String GROUP_DV = "group_dv";

  /** Language-independent unstemmed text fields. */
  public static final String TITLE_EXACT = "title_x";
  /** Language-independent unstemmed text fields. */
  public static final String BODY_EXACT = "body_x";
  /** Title word prefixes for autocomplete. */
  public static final String TITLE_PREFIX = "title_p";
  /** Character n-grams of title words (typos, compounds, inflection). */
  public static final String TITLE_GRAM = "title_g";
  /** Character n-grams of body words. */
  public static final String BODY_GRAM = "body_g";

  /** Prefix of stemmed per-language fields: title. */
  public static final String TITLE_STEM = "title_s_";
  /** Prefix of stemmed per-language fields: body (stored, for snippets). */
  public static final String BODY_STEM = "body_s_";
  /** Prefix of stemmed per-language fields: summary. */
  public static final String SUMMARY_STEM = "summary_s_";

  /** Ticket index: prefix of the stemmed per-language internal-text fields (stored, for snippets). */
  public static final String NOTE_STEM = "note_s_";
  /** Ticket index: unstemmed internal text. */
  public static final String NOTE_EXACT = "note_x";
  /** Ticket index: character n-grams of internal text. */
  public static final String NOTE_GRAM = "note_g";
  /** Ticket index: state (keyword). */
  public static final String STATE = "t_state";
  /** Ticket index: human key (stored). */
  public static final String KEY = "t_key";
  /** Ticket index: requester (keyword), mirrors {@code TicketVisibility.requesters}. */
  public static final String REQUESTER = "t_req";
  /** Ticket index: organization (keyword), mirrors {@code TicketVisibility.organizations}. */
  public static final String ORGANIZATION = "t_org";
  /** Ticket index: team (keyword), mirrors {@code TicketVisibility.teams}. */
  public static final String TICKET_TEAM = "t_team";
  /** Ticket index: tier (keyword), mirrors {@code TicketVisibility.tiers}. */
  public static final String TIER = "t_tier";
  /** Ticket index: assignee (keyword), mirrors {@code TicketVisibility.assignees}. */
  public static final String ASSIGNEE = "t_asg";

  /** Languages with their own analysis ({@link LanguageTable}); others use {@link #FALLBACK}. */
  public static final Set<String> LANGUAGES = LanguageTable.languages();

  /**
   * Languages that write compounds as one word (German, Dutch, Swedish, Danish, Norwegian); their
   * queries also match word n-grams, a dictionary-free approximation of decompounding.
   */
  public static final Set<String> COMPOUNDING = Set.of("de", "nl", "sv", "da", "no");

  /** Language code of the standard fallback analysis. */
  public static final String FALLBACK = "und";

  private Fields() {}

  /**
   * @param locale a locale
   * @return the analysis language code for it
   */
  public static String lang(Locale locale) {
    return LanguageTable.lang(locale);
  }
}
