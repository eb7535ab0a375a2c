package dev.frontline.helpdesk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The JDBC stores keep their documents in the public, versioned stored format
 * ({@code dev.frontline.helpdesk.jackson.format}) and use nothing of the JSON module's internal
 * package: read from the compiled main classes, where every referenced class is named in the
 * constant pool.
 */
@DisplayName("helpdesk-jdbc depends only on the public stored format")
class StoredFormatDependencyTest {
  private static final String INTERNAL = "dev/frontline/helpdesk/jackson/internal/";
  private static final String FORMAT = "dev/frontline/helpdesk/jackson/format/";

  private static List<Path> mainClasses() throws IOException, URISyntaxException {
    Path root = Path.of(JdbcStores.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(root).as("the main classes are a directory of this build").isDirectory();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".class")).toList();
    }
  }

  private static boolean references(Path classFile, String prefix) {
    try {
      return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("no main class references dev.frontline.helpdesk.jackson.internal")
  void noInternalJackson() throws Exception {
    List<Path> classes = mainClasses();
    List<String> offenders = new ArrayList<>();
    int formatUsers = 0;
    for (Path c : classes) {
      if (references(c, INTERNAL)) {
        offenders.add(c.getFileName().toString());
      }
      if (references(c, FORMAT)) {
        formatUsers++;
      }
    }
    // the scan sees references at all: the stores do use the public format
    assertThat(formatUsers).as("classes referencing the stored format").isGreaterThanOrEqualTo(7);
    assertThat(offenders).as("classes referencing the JSON module's internal package").isEmpty();
  }
}
