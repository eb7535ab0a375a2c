package dev.frontline.helpdesk.lucene;

import dev.frontline.helpdesk.lucene.internal.Ranking;
import dev.frontline.helpdesk.tools.RetrievalMetrics;
import dev.frontline.helpdesk.tools.SearchEval;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Developer tool (not a test): compares ranking variants on every evaluation set, e.g.
 * {@code RankingExperiment ../shared/eval/kb - phrase=0 fuzzy=0,titleExact=2}. Each argument after
 * the folder is one variant, a comma-separated list of {@link Ranking} component overrides ("-" for
 * the default). Used to choose the one default for all languages and corpora; it never selects
 * anything per data set.
 */
public final class RankingExperiment {
  private RankingExperiment() {}

  /**
   * @param args folder, then variants
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    String[] sets = System.getProperty("sets", "gnome-help-en,gnome-help-da,gnome-help-hu,cranfield,bitext-similar-requests").split(",");
    List<Ranking> variants = new ArrayList<>();
    for (int v = 1; v < args.length; v++) {
      variants.add(parse(args[v]));
    }
    Map<Integer, StringBuilder> lines = new HashMap<>();
    for (String set : sets) {
      List<RetrievalMetrics> ms = SearchEval.evaluateVariants(root.resolve(set), variants.size(),
          (search, i) -> search.ranking(variants.get(i)));
      for (int i = 0; i < ms.size(); i++) {
        RetrievalMetrics m = ms.get(i);
        lines.computeIfAbsent(i, k -> new StringBuilder(String.format(Locale.ROOT, "%-44s", args[k + 1])))
            .append(String.format(Locale.ROOT, " %.5s mrr=%.4f map=%.4f p1=%.4f |", set, m.mrr10(), m.map(), m.p1()));
      }
      System.err.println("done " + set);
    }
    for (int i = 0; i < variants.size(); i++) {
      System.out.println(lines.get(i));
    }
  }

  static Ranking parse(String spec) throws Exception {
    Map<String, String> over = new HashMap<>();
    if (!spec.equals("-")) {
      for (String kv : spec.split(",")) {
        String[] p = kv.split("=");
        over.put(p[0], p[1]);
      }
    }
    RecordComponent[] comps = Ranking.class.getRecordComponents();
    Object[] values = new Object[comps.length];
    Class<?>[] types = new Class<?>[comps.length];
    for (int i = 0; i < comps.length; i++) {
      types[i] = comps[i].getType();
      Object def = comps[i].getAccessor().invoke(Ranking.DEFAULT);
      String o = over.remove(comps[i].getName());
      values[i] = o == null ? def : types[i] == int.class ? (Object) Integer.parseInt(o) : (Object) Float.parseFloat(o);
    }
    if (!over.isEmpty()) {
      throw new IllegalArgumentException("unknown: " + over.keySet());
    }
    return Ranking.class.getDeclaredConstructor(types).newInstance(values);
  }
}
