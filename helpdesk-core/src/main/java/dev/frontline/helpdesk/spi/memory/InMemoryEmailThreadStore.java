package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.spi.EmailThreadStore;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link EmailThreadStore} in memory. Thread-safe; contents are lost when the process ends. */
public final class InMemoryEmailThreadStore implements EmailThreadStore {
  private final Map<String, TicketId> received = new ConcurrentHashMap<>();
  private final Map<String, TicketId> referenced = new ConcurrentHashMap<>();
  private final Set<String> participants = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<TicketId>> threads = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryEmailThreadStore() {}

  @Override
  public boolean recordReceived(String messageId, TicketId ticket) {
    Objects.requireNonNull(ticket, "ticket");
    return received.putIfAbsent(Objects.requireNonNull(messageId, "messageId"), ticket) == null;
  }

  @Override
  public Optional<TicketId> findReceived(String messageId) {
    return Optional.ofNullable(received.get(messageId));
  }

  @Override
  public void recordReferenced(String messageId, TicketId ticket) {
    Objects.requireNonNull(ticket, "ticket");
    if (!received.containsKey(Objects.requireNonNull(messageId, "messageId"))) {
      referenced.putIfAbsent(messageId, ticket);
    }
  }

  @Override
  public Optional<TicketId> find(String messageId) {
    TicketId t = received.get(messageId);
    return Optional.ofNullable(t != null ? t : referenced.get(messageId));
  }

  @Override
  public void addParticipant(TicketId ticket, String address) {
    participants.add(ticket.value() + "\n" + Objects.requireNonNull(address, "address"));
  }

  @Override
  public boolean isParticipant(TicketId ticket, String address) {
    return participants.contains(ticket.value() + "\n" + address);
  }

  @Override
  public void recordThread(String messageId, TicketId ticket) {
    Objects.requireNonNull(ticket, "ticket");
    Set<TicketId> set = threads.computeIfAbsent(Objects.requireNonNull(messageId, "messageId"), k -> new LinkedHashSet<>());
    synchronized (set) {
      set.add(ticket);
    }
  }

  @Override
  public List<TicketId> findThread(String messageId) {
    LinkedHashSet<TicketId> out = new LinkedHashSet<>();
    TicketId r = received.get(messageId);
    if (r != null) {
      out.add(r);
    }
    TicketId ref = referenced.get(messageId);
    if (ref != null) {
      out.add(ref);
    }
    Set<TicketId> set = threads.get(messageId);
    if (set != null) {
      synchronized (set) {
        out.addAll(set);
      }
    }
    return List.copyOf(new ArrayList<>(out));
  }
}
