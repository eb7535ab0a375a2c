package dev.frontline.helpdesk.lucene.internal;

import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.BodyFormat;
import java.util.regex.Pattern;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Maps an article to its Lucene document. Stateless and thread-safe. */
public final class Documents {
  private static final FieldType STORED_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  static {
    STORED_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    STORED_WITH_OFFSETS.freeze();
  }

  private Documents() {}

  /**
   * @param article an article
   * @return its body as plain text (HTML tags removed, common entities decoded)
   */
  public static String plainBody(Article article) {
    if (article.bodyFormat() != BodyFormat.HTML) {
      return article.body();
    }
    return TAG.matcher(article.body()).replaceAll(" ")
        .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /**
   * @param article an article
   * @return its document, with character n-gram fields
   */
  public static Document toDocument(Article article) {
    return toDocument(article, true);
  }

  /**
   * @param article an article
   * @param grams whether to add the character n-gram fields (only the queries of languages whose
   *     ranking uses n-grams read them; they are the largest fields to index)
   * @return its document
   */
  public static Document toDocument(Article article, boolean grams) {
    String lang = Fields.lang(article.locale());
    String body = plainBody(article);
    Document d = new Document();
    d.add(new StringField(Fields.ID, article.id().value(), Field.Store.YES));
    d.add(new BinaryDocValuesField(Fields.ID_DV, new BytesRef(article.id().value())));
    String tag = article.locale().toLanguageTag();
    d.add(new StringField(Fields.LOCALE, tag, Field.Store.YES));
    d.add(new SortedSetDocValuesField(Fields.LOCALE_DV, new BytesRef(tag)));
    d.add(new StringField(Fields.LANG, lang, Field.Store.NO));
    d.add(new StringField(Fields.LANGUAGE, article.locale().getLanguage(), Field.Store.NO));
    d.add(new StringField(Fields.STATUS, article.status().name(), Field.Store.NO));
    d.add(new StringField(Fields.VISIBILITY, article.visibility().level().name(), Field.Store.NO));
    for (TeamId team : article.visibility().teams()) {
      d.add(new StringField(Fields.TEAM, team.value(), Field.Store.NO));
    }
    d.add(new StringField(Fields.GROUP, article.translationGroup(), Field.Store.NO));
    d.add(new SortedSetDocValuesField(Fields.GROUP_DV, new BytesRef(article.translationGroup())));
    StringBuilder path = new StringBuilder();
    for (String c : article.categoryPath()) {
      if (path.length() > 0) {
        path.append('/');
      }
      path.append(c);
      d.add(new StringField(Fields.CATEGORY, path.toString(), Field.Store.NO));
    }
    if (!article.categoryPath().isEmpty()) {
      d.add(new SortedSetDocValuesField(Fields.CATEGORY_DV, new BytesRef(article.categoryKey())));
    }
    for (String t : article.tags()) {
      d.add(new StringField(Fields.TAG, t, Field.Store.NO));
      d.add(new SortedSetDocValuesField(Fields.TAG_DV, new BytesRef(t)));
    }
    d.add(new StoredField(Fields.TITLE_STORED, article.title()));
    d.add(new BinaryDocValuesField(Fields.TITLE_DV, new BytesRef(article.title())));
    d.add(new TextField(Fields.TITLE_STEM + lang, article.title(), Field.Store.YES));
    d.add(new Field(Fields.BODY_STEM + lang, body, STORED_WITH_OFFSETS));
    if (article.summary() != null) {
      d.add(new TextField(Fields.SUMMARY_STEM + lang, article.summary(), Field.Store.NO));
    }
    d.add(new TextField(Fields.TITLE_EXACT, article.title(), Field.Store.NO));
    d.add(new TextField(Fields.BODY_EXACT, body, Field.Store.NO));
    d.add(new TextField(Fields.TITLE_PREFIX, article.title(), Field.Store.NO));
    if (grams) {
      d.add(new TextField(Fields.TITLE_GRAM, article.title(), Field.Store.NO));
      d.add(new TextField(Fields.BODY_GRAM, body, Field.Store.NO));
    }
    return d;
  }
}
