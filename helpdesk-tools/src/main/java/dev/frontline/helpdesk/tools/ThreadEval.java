package dev.frontline.helpdesk.tools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pair precision and pair recall of a threading against the conversations given by the headers,
 * for {@code scripts/email-threads --eval}.
 *
 * <p><b>Conversations</b>: the transitive closure of Message-ID, In-Reply-To and References (two
 * messages naming the same id, even one that is not in the archive, are in one conversation). Ids
 * are the text between angle brackets (or, in a header without brackets, the words containing
 * {@code @}), compared exactly; in In-Reply-To an address followed by {@code of} (the {@code
 * Message from NAME <address> of DATE <id>} form of MH mailers) is the author, not an id.
 *
 * <p><b>Pairs</b>: every unordered pair of messages in one conversation. Precision is the share of
 * the pairs the threading put in one ticket that are in one conversation; raw recall the share of
 * the conversation pairs the threading put in one ticket. A quarantined message is in no ticket.
 *
 * <p><b>Permitted pairs</b>: under the participant rule a message may join a ticket only if its
 * author is a participant of it, so a mailing-list conversation with several authors cannot form
 * one ticket. A reference grouping replays the messages in feed order, knowing what the headers of
 * the messages fed so far tell (the closure above over those messages only: a threader cannot know
 * that two parents it never saw are related until a message linking them arrives): a message joins
 * the earliest-opened group of its conversation so far of which its author is a participant, else
 * opens a new group; groups are never merged later. A group's participants are
 * the authors of its messages, and, when {@code ccRule} is on, the To and Cc addresses of its
 * messages other than list addresses (a message's List-Post and List-Id addresses, and any address
 * listed there in any message) and addresses at the helpdesk's domain. Permitted pairs are the pairs
 * in one group; permitted recall is the share of them the threading put in one ticket. Quarantined
 * messages take part in no group.
 */
final class ThreadEval {
  private static final Pattern ANGLE = Pattern.compile("<([^<>\\s]{1,900})>");
  private static final Pattern ANGLE_OF = Pattern.compile("<([^<>\\s]{1,900})>(?=\\s+of\\b)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\]\\\\,;:\"@]{1,64}@[^\\s<>()\\[\\]\\\\,;:\"@]{1,253}");
  private static final Pattern LIST_ID = Pattern.compile("<([^<>\\s@]{1,200})\\.([^<>\\s@]{1,253})>");

  private ThreadEval() {}

  /** The figures of one evaluation. */
  record Result(
      int messages,
      int conversations,
      int tickets,
      long conversationPairs,
      long ticketPairs,
      long correctPairs,
      long permittedPairs,
      long permittedCorrect) {

    double precision() {
      return ticketPairs == 0 ? 1 : (double) correctPairs / ticketPairs;
    }

    double recall() {
      return conversationPairs == 0 ? 1 : (double) correctPairs / conversationPairs;
    }

    double permittedRecall() {
      return permittedPairs == 0 ? 1 : (double) permittedCorrect / permittedPairs;
    }

    List<String> lines() {
      return List.of(
          "conversations=" + conversations + " conversation-pairs=" + conversationPairs + " ticket-pairs=" + ticketPairs
              + " correct-pairs=" + correctPairs + " permitted-pairs=" + permittedPairs + " permitted-correct=" + permittedCorrect,
          String.format(Locale.ROOT, "precision=%.4f recall=%.4f permitted-recall=%.4f", precision(), recall(), permittedRecall()));
    }
  }

  /** What the evaluation reads from one message's header block. */
  record Mail(@Nullable String messageId, List<String> refs, @Nullable String from, Set<String> recipients, Set<String> lists) {}

  /**
   * @param raws the messages, in feed order
   * @param tickets the ticket of each message (null: quarantined)
   * @param helpdeskDomain the helpdesk's own mail domain (its addresses are nobody's participants)
   * @param ccRule whether To/Cc addresses of a group's messages are participants of the group
   * @return the figures
   */
  static Result evaluate(List<byte[]> raws, List<? extends @Nullable Object> tickets, String helpdeskDomain, boolean ccRule) {
    if (raws.size() != tickets.size()) {
      throw new IllegalArgumentException("one ticket per message");
    }
    int n = raws.size();
    List<Mail> mails = new ArrayList<>(n);
    for (byte[] raw : raws) {
      mails.add(read(raw));
    }
    // conversations: union-find over messages and ids
    Map<String, Integer> idNode = new HashMap<>();
    UnionFind uf = new UnionFind();
    for (int i = 0; i < n; i++) {
      uf.add();
    }
    for (int i = 0; i < n; i++) {
      Mail m = mails.get(i);
      List<String> all = new ArrayList<>(m.refs());
      if (m.messageId() != null) {
        all.add(m.messageId());
      }
      for (String id : all) {
        Integer node = idNode.get(id);
        if (node == null) {
          node = uf.add();
          idNode.put(id, node);
        }
        uf.union(i, node);
      }
    }
    int[] conv = new int[n];
    Set<Integer> convs = new HashSet<>();
    for (int i = 0; i < n; i++) {
      conv[i] = uf.find(i);
      convs.add(conv[i]);
    }
    // list addresses anywhere in the archive
    Set<String> listAddresses = new HashSet<>();
    for (Mail m : mails) {
      listAddresses.addAll(m.lists());
    }
    // the reference grouping, with what the headers of the messages fed so far tell
    UnionFind known = new UnionFind();
    Map<String, Integer> knownNode = new HashMap<>();
    Map<Integer, List<Integer>> groupsOfRoot = new HashMap<>();
    int[] group = new int[n];
    List<Set<String>> participants = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Mail m = mails.get(i);
      int self = known.add();
      List<Integer> roots = new ArrayList<>();
      List<String> all = new ArrayList<>(m.refs());
      if (m.messageId() != null) {
        all.add(m.messageId());
      }
      for (String id : all) {
        Integer node = knownNode.get(id);
        if (node == null) {
          node = known.add();
          knownNode.put(id, node);
        }
        roots.add(known.find(node));
      }
      List<Integer> merged = new ArrayList<>();
      for (int r : new LinkedHashSet<>(roots)) {
        merged.addAll(groupsOfRoot.getOrDefault(r, List.of()));
        groupsOfRoot.remove(r);
        known.union(self, r);
      }
      merged.sort(null);
      int root = known.find(self);
      groupsOfRoot.put(root, merged);
      if (tickets.get(i) == null || m.from() == null) {
        group[i] = -1;
        continue;
      }
      int g = -1;
      for (int candidate : merged) {
        if (participants.get(candidate).contains(m.from())) {
          g = candidate;
          break;
        }
      }
      if (g < 0) {
        g = participants.size();
        participants.add(new HashSet<>());
        merged.add(g);
      }
      group[i] = g;
      Set<String> p = participants.get(g);
      p.add(m.from());
      if (ccRule) {
        for (String r : m.recipients()) {
          if (!listAddresses.contains(r) && !r.endsWith("@" + helpdeskDomain) && !r.endsWith("." + helpdeskDomain)) {
            p.add(r);
          }
        }
      }
    }
    // pair counts
    Map<Object, Integer> byTicket = new HashMap<>();
    Map<List<Object>, Integer> byConvTicket = new HashMap<>();
    Map<Integer, Integer> byConv = new HashMap<>();
    Map<Integer, Integer> byGroup = new HashMap<>();
    Map<List<Object>, Integer> byGroupTicket = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byConv.merge(conv[i], 1, Integer::sum);
      Object t = tickets.get(i);
      if (t == null) {
        continue;
      }
      byTicket.merge(t, 1, Integer::sum);
      byConvTicket.merge(List.of(conv[i], t), 1, Integer::sum);
      if (group[i] >= 0) {
        byGroup.merge(group[i], 1, Integer::sum);
        byGroupTicket.merge(List.of(group[i], t), 1, Integer::sum);
      }
    }
    return new Result(n, convs.size(), byTicket.size(), pairs(byConv), pairs(byTicket), pairs(byConvTicket), pairs(byGroup), pairs(byGroupTicket));
  }

  private static long pairs(Map<?, Integer> counts) {
    long s = 0;
    for (int c : counts.values()) {
      s += (long) c * (c - 1) / 2;
    }
    return s;
  }

  private static final class UnionFind {
    private int[] parent = new int[1024];
    private int size;

    int add() {
      if (size == parent.length) {
        parent = java.util.Arrays.copyOf(parent, size * 2);
      }
      parent[size] = size;
      return size++;
    }

    int find(int x) {
      int r = x;
      while (parent[r] != r) {
        r = parent[r];
      }
      while (parent[x] != r) {
        int next = parent[x];
        parent[x] = r;
        x = next;
      }
      return r;
    }

    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }

  // ---------------------------------------------------------------- headers

  /** Reads the headers the evaluation needs (unfolded, ISO-8859-1: only ASCII matters here). */
  static Mail read(byte[] raw) {
    Map<String, List<String>> h = headers(raw);
    List<String> own = ids(h.getOrDefault("message-id", List.of()), false);
    LinkedHashSet<String> refs = new LinkedHashSet<>(ids(h.getOrDefault("in-reply-to", List.of()), true));
    refs.addAll(ids(h.getOrDefault("references", List.of()), false));
    String messageId = own.isEmpty() ? null : own.get(0);
    if (messageId != null) {
      refs.remove(messageId);
    }
    List<String> from = addresses(h.getOrDefault("from", List.of()));
    Set<String> rcpts = new LinkedHashSet<>(addresses(h.getOrDefault("to", List.of())));
    rcpts.addAll(addresses(h.getOrDefault("cc", List.of())));
    Set<String> lists = new HashSet<>(addresses(h.getOrDefault("list-post", List.of()).stream().map(v -> v.replace("mailto:", " ")).toList()));
    for (String v : h.getOrDefault("list-id", List.of())) {
      Matcher m = LIST_ID.matcher(v);
      if (m.find()) {
        lists.add((m.group(1) + "@" + m.group(2)).toLowerCase(Locale.ROOT));
      }
    }
    return new Mail(messageId, new ArrayList<>(refs), from.isEmpty() ? null : from.get(0), rcpts, lists);
  }

  static Map<String, List<String>> headers(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    Map<String, List<String>> out = new LinkedHashMap<>();
    String current = null;
    StringBuilder value = new StringBuilder();
    boolean first = true;
    for (String line : text.split("\r?\n", -1)) {
      if (line.isEmpty()) {
        break;
      }
      if (first && line.startsWith("From ")) {
        first = false;
        continue; // an mbox separator line
      }
      first = false;
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
        value.append(' ').append(line.strip());
        continue;
      }
      if (current != null) {
        out.computeIfAbsent(current, k -> new ArrayList<>()).add(value.toString().strip());
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        current = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        value.setLength(0);
        value.append(line.substring(colon + 1));
      } else {
        current = null;
      }
    }
    if (current != null) {
      out.computeIfAbsent(current, k -> new ArrayList<>()).add(value.toString().strip());
    }
    return out;
  }

  static List<String> ids(List<String> values, boolean inReplyTo) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      Set<String> authors = new HashSet<>();
      if (inReplyTo) {
        Matcher a = ANGLE_OF.matcher(v);
        while (a.find()) {
          authors.add(a.group(1));
        }
      }
      Matcher m = ANGLE.matcher(v);
      boolean any = false;
      while (m.find()) {
        any = true;
        if (!authors.contains(m.group(1))) {
          out.add(m.group(1));
        }
      }
      if (!any) {
        for (String w : v.strip().split("\\s+")) {
          if (w.indexOf('@') > 0) {
            out.add(w);
          }
        }
      }
    }
    return out;
  }

  static List<String> addresses(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      // quoted display names may contain anything: drop them
      String s = v.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ");
      Matcher m = ADDRESS.matcher(s);
      while (m.find()) {
        out.add(Objects.requireNonNull(m.group()).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}
