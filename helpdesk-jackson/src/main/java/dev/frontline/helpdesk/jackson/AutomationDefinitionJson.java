package dev.frontline.helpdesk.jackson;

import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.jackson.format.OperationsFormat;
import java.util.List;

/**
 * Macros, triggers and automations as JSON, for export and import. The documents are those of the
 * stored format ({@link OperationsFormat}), which keeps its compatibility promise: an export made by
 * one release is imported by every later one. Every definition, condition and action has an
 * explicit {@code kind} (e.g. {@code trigger}, {@code has_tag}, {@code set_priority}); the text
 * carries a {@code format} version, and readers reject versions and kinds they do not know with a
 * {@link DefinitionFormatException} instead of dropping them. Only {@linkplain AutomationDefinition#storable() storable} definitions
 * can be written. Stateless and thread-safe.
 *
 * <pre>{@code
 * {"format":1,"kind":"trigger","name":"vip","event":"CREATED",
 *  "conditions":[{"kind":"has_tag","tag":"vip"}],
 *  "actions":[{"kind":"set_priority","priority":"URGENT"}]}
 * }</pre>
 */
public final class AutomationDefinitionJson {
  /** The format version this version writes and the highest it reads. */
  public static final int FORMAT = OperationsFormat.DEFINITION_VERSION;

  private AutomationDefinitionJson() {}

  /**
   * @param definition a definition
   * @return its JSON object
   * @throws dev.frontline.helpdesk.ValidationException if the definition is null or has a condition
   *     that is host code rather than a standard {@link dev.frontline.helpdesk.automation.Rule}
   */
  public static String write(AutomationDefinition definition) {
    return OperationsFormat.writeDefinition(definition);
  }

  /**
   * @param json a JSON object as written by {@link #write(AutomationDefinition)}
   * @return the definition
   * @throws DefinitionFormatException if the text is not a definition this version can read
   */
  public static AutomationDefinition read(String json) {
    return OperationsFormat.readDefinition(json);
  }

  /**
   * @param definitions definitions, e.g. every definition of a store for an export
   * @return one JSON object {@code {"format":1,"definitions":[...]}} holding them in order
   * @throws dev.frontline.helpdesk.ValidationException as {@link #write(AutomationDefinition)}
   */
  public static String writeAll(List<? extends AutomationDefinition> definitions) {
    return OperationsFormat.writeDefinitions(definitions);
  }

  /**
   * @param json a JSON object as written by {@link #writeAll(List)}
   * @return the definitions in order
   * @throws DefinitionFormatException if the text is not such an object, or any definition in it
   *     cannot be read (then none is returned)
   */
  public static List<AutomationDefinition> readAll(String json) {
    return OperationsFormat.readDefinitions(json);
  }
}
