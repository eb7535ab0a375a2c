package dev.frontline.helpdesk.lucene;

import dev.frontline.helpdesk.lucene.internal.Ranking;
import dev.frontline.helpdesk.tools.RetrievalMetrics;
import dev.frontline.helpdesk.tools.SearchEval;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Developer tool (not a test): compares ranking variants on every evaluation set, e.g.
 * {@code RankingExperiment ../shared/eval/kb phrase=0 "fuzzy=0"}. Each argument after the folder is
 * one variant, a comma-separated list of {@link Ranking} component overrides ("-" for the
 * default). Used to choose the single default; never selects anything per data set.
 */
public final class RankingExperiment {
  private RankingExperiment() {}

  /**
   * @param args folder, then variants
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    String[] sets = {"gnome-help-en", "gnome-help-da", "gnome-help-hu", "cranfield", "bitext-similar-requests"};
    for (int v = 1; v < args.length; v++) {
      Ranking r = parse(args[v]);
      StringBuilder line = new StringBuilder(String.format("%-40s", args[v]));
      for (String set : sets) {
        RetrievalMetrics m = SearchEval.evaluate(root.resolve(set), b -> b.ranking(r));
        line.append(String.format(" %s mrr=%.4f map=%.4f p1=%.4f |", set.substring(0, Math.min(8, set.length())), m.mrr10(), m.map(), m.p1()));
      }
      System.out.println(line);
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
