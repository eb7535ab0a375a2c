package dev.frontline.helpdesk.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranked-retrieval metrics averaged over queries with at least one relevant document: MAP over
 * the top 100, MRR@10, P@1, nDCG@10 (gain 2^grade − 1) and R@10. Immutable and thread-safe.
 *
 * @param map mean average precision over the top 100
 * @param mrr10 mean reciprocal rank of the first relevant hit within the top 10
 * @param p1 precision at 1
 * @param ndcg10 normalized discounted cumulative gain at 10
 * @param r10 recall at 10
 * @param queries how many queries were evaluated
 */
public record RetrievalMetrics(double map, double mrr10, double p1, double ndcg10, double r10, int queries) {

  /**
   * Evaluates rankings against graded judgments.
   *
   * @param rankings ranked document ids per query id
   * @param qrels grade per document id per query id (grade &gt; 0 is relevant)
   * @return the averages over the queries that have a relevant document
   */
  public static RetrievalMetrics evaluate(Map<String, List<String>> rankings, Map<String, Map<String, Integer>> qrels) {
    double map = 0;
    double mrr = 0;
    double p1 = 0;
    double ndcg = 0;
    double r10 = 0;
    int n = 0;
    for (Map.Entry<String, Map<String, Integer>> q : qrels.entrySet()) {
      Map<String, Integer> grades = q.getValue();
      long relevant = grades.values().stream().filter(g -> g > 0).count();
      if (relevant == 0) {
        continue;
      }
      n++;
      List<String> ranking = rankings.getOrDefault(q.getKey(), List.of());
      int found = 0;
      double ap = 0;
      double dcg = 0;
      int foundAt10 = 0;
      boolean firstSeen = false;
      for (int i = 0; i < Math.min(100, ranking.size()); i++) {
        int g = grades.getOrDefault(ranking.get(i), 0);
        if (g <= 0) {
          continue;
        }
        found++;
        ap += (double) found / (i + 1);
        if (i < 10) {
          foundAt10++;
          dcg += (Math.pow(2, g) - 1) / (Math.log(i + 2) / Math.log(2));
          if (!firstSeen) {
            mrr += 1.0 / (i + 1);
          }
        }
        if (i == 0) {
          p1 += 1;
        }
        firstSeen = true;
      }
      map += ap / relevant;
      r10 += (double) foundAt10 / relevant;
      List<Integer> ideal = new ArrayList<>(grades.values().stream().filter(g -> g > 0).toList());
      ideal.sort(Comparator.reverseOrder());
      double idcg = 0;
      for (int i = 0; i < Math.min(10, ideal.size()); i++) {
        idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
      }
      ndcg += dcg / idcg;
    }
    if (n == 0) {
      return new RetrievalMetrics(0, 0, 0, 0, 0, 0);
    }
    return new RetrievalMetrics(map / n, mrr / n, p1 / n, ndcg / n, r10 / n, n);
  }

  /** @return the one-line report, e.g. {@code MAP=0.1234 MRR@10=... P@1=... nDCG@10=... R@10=...} */
  public String line() {
    return String.format(Locale.ROOT, "MAP=%.4f MRR@10=%.4f P@1=%.4f nDCG@10=%.4f R@10=%.4f", map, mrr10, p1, ndcg10, r10);
  }
}
