package dev.frontline.helpdesk.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {
  @Test
  @DisplayName("metrics follow the definitions in the evaluation README")
  void definitions() {
    Map<String, List<String>> runs = Map.of(
        "q1", List.of("a", "b", "c"),
        "q2", List.of("x", "y", "z"),
        "q3", List.of("n"));
    Map<String, Map<String, Integer>> qrels = Map.of(
        "q1", Map.of("a", 2, "c", 1),
        "q2", Map.of("y", 1),
        "q3", Map.of("n", 0)); // no relevant document: skipped
    RetrievalMetrics m = RetrievalMetrics.evaluate(runs, qrels);
    assertThat(m.queries()).isEqualTo(2);
    assertThat(m.mrr10()).isCloseTo((1 + 0.5) / 2, within(1e-9));
    assertThat(m.p1()).isCloseTo(0.5, within(1e-9));
    assertThat(m.map()).isCloseTo(((1 + 2.0 / 3) / 2 + 0.5) / 2, within(1e-9));
    assertThat(m.r10()).isCloseTo(1.0, within(1e-9));
    double dcg1 = 3 + 1 / (Math.log(4) / Math.log(2));
    double idcg1 = 3 + 1 / (Math.log(3) / Math.log(2));
    double ndcg2 = 1 / (Math.log(3) / Math.log(2));
    assertThat(m.ndcg10()).isCloseTo((dcg1 / idcg1 + ndcg2) / 2, within(1e-9));
    assertThat(m.line()).matches("MAP=0\\.\\d{4} MRR@10=0\\.\\d{4} P@1=0\\.\\d{4} nDCG@10=0\\.\\d{4} R@10=1\\.0000");
  }
}
