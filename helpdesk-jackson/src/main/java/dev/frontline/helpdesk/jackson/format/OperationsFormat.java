package dev.frontline.helpdesk.jackson.format;

import static dev.frontline.helpdesk.jackson.internal.Json.en;
import static dev.frontline.helpdesk.jackson.internal.Json.instant;
import static dev.frontline.helpdesk.jackson.internal.Json.opt;
import static dev.frontline.helpdesk.jackson.internal.Json.put;
import static dev.frontline.helpdesk.jackson.internal.Json.str;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.asset.Asset;
import dev.frontline.helpdesk.asset.AssetId;
import dev.frontline.helpdesk.asset.AssetStatus;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.intake.Disposition;
import dev.frontline.helpdesk.intake.IdentityCheck;
import dev.frontline.helpdesk.intake.Interaction;
import dev.frontline.helpdesk.intake.InteractionId;
import dev.frontline.helpdesk.intake.Recording;
import dev.frontline.helpdesk.jackson.DefinitionFormatException;
import dev.frontline.helpdesk.jackson.internal.Json;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.List;

/**
 * The stored format of the front-line operations: {@link Interaction}s (phone, chat, walk-in),
 * customer {@link Asset}s, and the {@link AutomationDefinition}s of macros, triggers and automations
 * (one document each, and an export document holding several). The transactional outbox keeps
 * ticket events in {@link TicketFormat}'s event document.
 *
 * <p>Interactions and assets carry their format version as {@code "v"}; definitions carry theirs as
 * {@code "format"} (every definition ever stored has it) and are read like the definitions a host
 * imports: anything this release does not know, a newer {@code format} included, is a {@link
 * DefinitionFormatException} naming it. See the package documentation for the compatibility rules.
 * Stateless and thread-safe.
 */
public final class OperationsFormat {
  /** The format version of interactions and assets this release writes, and the newest it reads. */
  public static final int VERSION = Documents.CURRENT;

  /** The {@code format} version of definitions this release writes, and the newest it reads. */
  public static final int DEFINITION_VERSION = DefinitionDocuments.FORMAT;

  private OperationsFormat() {}

  /**
   * @param interaction an interaction
   * @return its stored document
   */
  public static String writeInteraction(Interaction interaction) {
    ObjectNode n = Documents.document();
    put(n, "id", interaction.id().value());
    put(n, "channel", interaction.channel());
    put(n, "customer", interaction.customer().value());
    put(n, "agent", interaction.agent() == null ? null : interaction.agent().value());
    put(n, "startedAt", interaction.startedAt());
    put(n, "endedAt", interaction.endedAt());
    put(n, "identity", interaction.identity());
    put(n, "disposition", interaction.disposition());
    put(n, "recording", interaction.recording());
    put(n, "ticket", interaction.ticket() == null ? null : interaction.ticket().value());
    put(n, "summary", interaction.summary());
    put(n, "recordedBy", interaction.recordedBy());
    return Json.text(n);
  }

  /**
   * @param json a stored interaction document of any version this release reads
   * @return the interaction
   * @throws FormatVersionException if the document is of a newer version
   */
  public static Interaction readInteraction(String json) {
    return Documents.read(
        json,
        "interaction",
        n -> new Interaction(
            InteractionId.of(str(n, "id")),
            en(Channel.class, n, "channel"),
            CustomerId.of(str(n, "customer")),
            opt(n, "agent", AgentId::of),
            instant(n, "startedAt"),
            instant(n, "endedAt"),
            en(IdentityCheck.class, n, "identity"),
            en(Disposition.class, n, "disposition"),
            en(Recording.class, n, "recording"),
            opt(n, "ticket", TicketId::of),
            str(n, "summary"),
            str(n, "recordedBy")));
  }

  /**
   * @param asset an asset
   * @return its stored document
   */
  public static String writeAsset(Asset asset) {
    ObjectNode n = Documents.document();
    put(n, "id", asset.id().value());
    put(n, "name", asset.name());
    put(n, "type", asset.type());
    put(n, "serial", asset.serial());
    put(n, "status", asset.status());
    put(n, "customer", asset.customer() == null ? null : asset.customer().value());
    put(n, "organization", asset.organization() == null ? null : asset.organization().value());
    return Json.text(n);
  }

  /**
   * @param json a stored asset document of any version this release reads
   * @return the asset
   * @throws FormatVersionException if the document is of a newer version
   */
  public static Asset readAsset(String json) {
    return Documents.read(
        json,
        "asset",
        n -> new Asset(
            AssetId.of(str(n, "id")),
            str(n, "name"),
            str(n, "type"),
            str(n, "serial"),
            en(AssetStatus.class, n, "status"),
            opt(n, "customer", CustomerId::of),
            opt(n, "organization", OrganizationId::of)));
  }

  /**
   * @param definition a {@linkplain AutomationDefinition#storable() storable} definition
   * @return its stored document, e.g. {@code {"format":1,"kind":"trigger","name":"vip",...}}
   * @throws dev.frontline.helpdesk.ValidationException if it is null or has a condition that is
   *     host code rather than a standard {@link dev.frontline.helpdesk.automation.Rule}
   */
  public static String writeDefinition(AutomationDefinition definition) {
    return DefinitionDocuments.write(definition);
  }

  /**
   * @param json a stored definition document of any {@code format} this release reads
   * @return the definition
   * @throws DefinitionFormatException if it is not a definition this release reads
   */
  public static AutomationDefinition readDefinition(String json) {
    return DefinitionDocuments.read(json);
  }

  /**
   * @param definitions storable definitions, e.g. every definition of a store for an export
   * @return one export document {@code {"format":1,"definitions":[...]}} holding them in order
   * @throws dev.frontline.helpdesk.ValidationException as {@link #writeDefinition}
   */
  public static String writeDefinitions(List<? extends AutomationDefinition> definitions) {
    return DefinitionDocuments.writeAll(definitions);
  }

  /**
   * @param json an export document of any {@code format} this release reads
   * @return the definitions in order
   * @throws DefinitionFormatException if it, or any definition in it, cannot be read (then none is
   *     returned)
   */
  public static List<AutomationDefinition> readDefinitions(String json) {
    return DefinitionDocuments.readAll(json);
  }
}
