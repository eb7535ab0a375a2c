package dev.frontline.helpdesk.lucene.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts the values of a sorted-set doc-values field over exactly the documents the query matched
 * (so facets obey the same filters as the hits).
 */
public final class FacetCounter implements CollectorManager<FacetCounter.Counter, Map<String, Long>> {
  private final String field;

  /** @param field the doc-values field */
  public FacetCounter(String field) {
    this.field = field;
  }

  @Override
  public Counter newCollector() {
    return new Counter(field);
  }

  @Override
  public Map<String, Long> reduce(Collection<Counter> collectors) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    for (Counter c : collectors) {
      c.flush();
      c.counts.forEach((k, v) -> out.merge(k, v, Long::sum));
    }
    return out;
  }

  /** Collects one slice. */
  public static final class Counter extends SimpleCollector {
    private final String field;
    private final Map<String, Long> counts = new TreeMap<>();
    private final List<Object[]> pending = new ArrayList<>();
    private SortedSetDocValues values = DocValues.emptySortedSet();
    private long[] ords = new long[0];

    Counter(String field) {
      this.field = field;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      values = DocValues.getSortedSet(context.reader(), field);
      ords = new long[(int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount())];
      pending.add(new Object[] {values, ords});
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) throws IOException {
      if (values.advanceExact(doc)) {
        for (int i = 0; i < values.docValueCount(); i++) {
          ords[(int) values.nextOrd()]++;
        }
      }
    }

    void flush() throws IOException {
      for (Object[] p : pending) {
        SortedSetDocValues v = (SortedSetDocValues) p[0];
        long[] o = (long[]) p[1];
        for (int i = 0; i < o.length; i++) {
          if (o[i] > 0) {
            counts.merge(v.lookupOrd(i).utf8ToString(), o[i], Long::sum);
          }
        }
      }
      pending.clear();
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
