package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.intake.Interaction;
import dev.frontline.helpdesk.intake.InteractionId;
import dev.frontline.helpdesk.spi.InteractionStore;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** In-memory {@link InteractionStore}. Thread-safe. */
public final class InMemoryInteractionStore implements InteractionStore {
  private final ConcurrentHashMap<InteractionId, Interaction> byId = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryInteractionStore() {}

  @Override
  public void add(Interaction interaction) {
    Objects.requireNonNull(interaction, "interaction");
    if (byId.putIfAbsent(interaction.id(), interaction) != null) {
      throw new ConflictException("interaction already exists");
    }
  }

  @Override
  public Optional<Interaction> find(InteractionId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public List<Interaction> byTicket(TicketId ticket) {
    return select(i -> ticket.equals(i.ticket()));
  }

  @Override
  public List<Interaction> byCustomer(CustomerId customer) {
    return select(i -> customer.equals(i.customer()));
  }

  private List<Interaction> select(Predicate<Interaction> p) {
    return byId.values().stream().filter(p)
        .sorted(Comparator.comparing(Interaction::startedAt).thenComparing(i -> i.id().value())).toList();
  }
}
