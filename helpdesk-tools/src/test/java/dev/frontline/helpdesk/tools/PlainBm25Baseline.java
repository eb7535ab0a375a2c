package dev.frontline.helpdesk.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Developer tool (not a test): reproduces the README's plain BM25 baselines (title ×2 over body,
 * one SHOULD clause per query token; StandardAnalyzer or the language's analyzer) and prints every
 * metric, so that docs/search-quality.md can compare all metrics, not only the one the README lists.
 */
public final class PlainBm25Baseline {
  private PlainBm25Baseline() {}

  /**
   * @param args the kb folder
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String set : new String[] {"gnome-help-en", "gnome-help-da", "gnome-help-hu", "cranfield", "bitext-similar-requests"}) {
      Path dir = Path.of(args[0]).resolve(set);
      for (boolean language : new boolean[] {false, true}) {
        List<JsonNode> docs = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
          docs.add(json.readTree(l));
        }
        String lang = docs.get(0).path("locale").asText();
        Analyzer analyzer = !language ? new StandardAnalyzer() : switch (lang) {
          case "da" -> new DanishAnalyzer();
          case "hu" -> new HungarianAnalyzer();
          default -> new EnglishAnalyzer();
        };
        Map<String, List<String>> runs = new HashMap<>();
        try (ByteBuffersDirectory d = new ByteBuffersDirectory()) {
          try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer))) {
            for (JsonNode n : docs) {
              Document doc = new Document();
              doc.add(new StringField("id", n.get("id").asText(), Field.Store.YES));
              doc.add(new TextField("title", n.path("title").asText(""), Field.Store.NO));
              doc.add(new TextField("body", n.path("body").asText(""), Field.Store.NO));
              w.addDocument(doc);
            }
          }
          try (DirectoryReader r = DirectoryReader.open(d)) {
            IndexSearcher s = new IndexSearcher(r);
            for (String l : Files.readAllLines(dir.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
              JsonNode q = json.readTree(l);
              BooleanQuery.Builder b = new BooleanQuery.Builder();
              try (TokenStream ts = analyzer.tokenStream("body", q.get("text").asText())) {
                CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                  BooleanQuery.Builder tok = new BooleanQuery.Builder();
                  tok.add(new BoostQuery(new TermQuery(new Term("title", t.toString())), 2f), BooleanClause.Occur.SHOULD);
                  tok.add(new TermQuery(new Term("body", t.toString())), BooleanClause.Occur.SHOULD);
                  b.add(tok.build(), BooleanClause.Occur.SHOULD);
                }
                ts.end();
              }
              List<String> ids = new ArrayList<>();
              for (ScoreDoc sd : s.search(b.build(), 100).scoreDocs) {
                ids.add(s.storedFields().document(sd.doc).get("id"));
              }
              runs.put(q.get("id").asText(), ids);
            }
          }
        }
        Map<String, Map<String, Integer>> qrels = new HashMap<>();
        for (String l : Files.readAllLines(dir.resolve("qrels.tsv"), StandardCharsets.UTF_8)) {
          String[] f = l.strip().split("\t");
          if (f.length >= 3) {
            qrels.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2].strip()));
          }
        }
        System.out.println(set + (language ? " language " : " standard ") + RetrievalMetrics.evaluate(runs, qrels).line());
      }
    }
  }
}
