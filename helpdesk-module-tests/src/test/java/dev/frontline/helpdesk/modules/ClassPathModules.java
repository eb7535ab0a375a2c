package dev.frontline.helpdesk.modules;

import java.io.File;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The modules among this test's class path entries (jars, and class directories with a
 * {@code module-info.class}), so that the same artifacts can be put on a module path: the
 * published Frontline modules built by this reactor run and their third-party dependencies.
 */
final class ClassPathModules {
  /** Name prefix of Frontline's own modules. */
  static final String FRONTLINE = "dev.frontline.helpdesk";

  private final Map<String, ModuleReference> byName;

  private ClassPathModules(Map<String, ModuleReference> byName) {
    this.byName = byName;
  }

  /** @return the modules on {@code java.class.path}; entries that are not modules are skipped */
  static ClassPathModules fromClassPath() {
    Map<String, ModuleReference> found = new TreeMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      boolean candidate = Files.isDirectory(path)
          ? Files.isRegularFile(path.resolve("module-info.class"))
          : entry.endsWith(".jar") && Files.isRegularFile(path);
      if (!candidate) {
        continue;
      }
      try {
        for (ModuleReference ref : ModuleFinder.of(path).findAll()) {
          found.putIfAbsent(ref.descriptor().name(), ref);
        }
      } catch (FindException e) {
        // a jar whose file name gives no valid automatic module name: not needed on a module path
      }
    }
    return new ClassPathModules(found);
  }

  /** @return the published Frontline modules, by name */
  Map<String, ModuleReference> frontline() {
    Map<String, ModuleReference> out = new TreeMap<>();
    byName.forEach((name, ref) -> {
      if (name.equals(FRONTLINE) || name.startsWith(FRONTLINE + ".")) {
        out.put(name, ref);
      }
    });
    return out;
  }

  /**
   * @param name a module name
   * @return the module of that name on the class path
   */
  Optional<ModuleReference> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The locations of the given modules and of every module they require (static requirements
   * and the JDK's own modules left out), so that exactly these are observable on a module path.
   *
   * @param roots module names
   * @return the module path, ready for {@code --module-path}
   */
  String modulePath(List<String> roots) {
    Map<String, Path> closure = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      ModuleReference ref = byName.get(name);
      if (ref == null || closure.containsKey(name)) {
        continue; // a JDK module, or seen
      }
      closure.put(name, Path.of(ref.location().orElseThrow()));
      for (ModuleDescriptor.Requires r : ref.descriptor().requires()) {
        if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
          todo.add(r.name());
        }
      }
    }
    return String.join(File.pathSeparator, closure.values().stream().map(Path::toString).toList());
  }
}
