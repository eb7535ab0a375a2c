package dev.frontline.helpdesk.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny host application as a named module ({@code requires dev.frontline.helpdesk.jdbc}),
 * compiled and run on the module path with the published modules of this build: it creates a
 * ticket on the in-memory stores and on H2, and it cannot compile against an {@code internal}
 * package.
 */
@DisplayName("A host on the module path")
class ModulePathHostTest {
  private static final String HOST_MODULE = """
      module frontline.host {
        requires dev.frontline.helpdesk.jdbc;
      }
      """;

  /** The one place that wires a helpdesk, so a change of the composition root is a change here. */
  private static final String HOST_WIRING = """
      static Helpdesk helpdesk(HelpdeskStores stores) {
        return Helpdesk.builder().stores(stores).build();
      }
      """;

  private static final String HOST_MAIN = """
      package host;

      import dev.frontline.helpdesk.Helpdesk;
      import dev.frontline.helpdesk.access.Principal;
      import dev.frontline.helpdesk.directory.Customer;
      import dev.frontline.helpdesk.directory.CustomerId;
      import dev.frontline.helpdesk.jdbc.JdbcDialect;
      import dev.frontline.helpdesk.jdbc.JdbcStores;
      import dev.frontline.helpdesk.spi.HelpdeskStores;
      import dev.frontline.helpdesk.spi.memory.InMemoryStores;
      import dev.frontline.helpdesk.ticket.Message;
      import dev.frontline.helpdesk.ticket.NewTicket;
      import dev.frontline.helpdesk.ticket.Ticket;
      import java.io.PrintWriter;
      import java.sql.Connection;
      import java.sql.DriverManager;
      import java.sql.SQLException;
      import java.util.logging.Logger;
      import javax.sql.DataSource;

      public final class Main {
        public static void main(String[] args) {
          System.out.println("in-memory: " + createTicket(
              helpdesk(InMemoryStores.create())));
          JdbcStores stores = JdbcStores.builder(new UrlDataSource("jdbc:h2:mem:host;DB_CLOSE_DELAY=-1"), JdbcDialect.H2).build();
          stores.migrate();
          System.out.println("h2: " + createTicket(
              helpdesk(stores)));
          Module core = Helpdesk.class.getModule();
          System.out.println("core: " + core.getName() + " automatic=" + core.getDescriptor().isAutomatic()
              + " internal exported=" + core.isExported("dev.frontline.helpdesk.internal")
              + " internal exported to jdbc=" + core.isExported("dev.frontline.helpdesk.internal", JdbcStores.class.getModule()));
        }

        %s

        static String createTicket(Helpdesk helpdesk) {
          CustomerId carol = CustomerId.of("carol");
          helpdesk.directory().saveCustomer(Customer.of(carol, "Carol", "carol@example.org"));
          Principal customer = Principal.customer(carol);
          Ticket created = helpdesk.tickets().create(customer,
              NewTicket.builder("Printer on fire", carol, Message.of("Smoke since this morning.")).build());
          Ticket read = helpdesk.tickets().get(customer, created.id());
          return read.key() + " " + read.state() + " \\"" + read.subject() + "\\"";
        }

        /** A new connection per call: keeps the host free of H2's own classes. */
        private record UrlDataSource(String url) implements DataSource {
          @Override public Connection getConnection() throws SQLException { return DriverManager.getConnection(url); }
          @Override public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
          }
          @Override public PrintWriter getLogWriter() { return new PrintWriter(System.err); }
          @Override public void setLogWriter(PrintWriter out) {}
          @Override public void setLoginTimeout(int seconds) {}
          @Override public int getLoginTimeout() { return 0; }
          @Override public Logger getParentLogger() { return Logger.getLogger("host"); }
          @Override public <T> T unwrap(Class<T> type) throws SQLException { throw new SQLException("not a wrapper"); }
          @Override public boolean isWrapperFor(Class<?> type) { return false; }
        }
      }
      """.formatted(HOST_WIRING);

  private static ClassPathModules modules;

  @BeforeAll
  static void findModules() {
    modules = ClassPathModules.fromClassPath();
    Map<String, ModuleReference> frontline = modules.frontline();
    assertThat(frontline.keySet())
        .as("the published modules built by this reactor run (run with -am)")
        .contains("dev.frontline.helpdesk", "dev.frontline.helpdesk.jdbc", "dev.frontline.helpdesk.jackson");
    frontline.forEach((name, ref) -> assertThat(ref.descriptor().isAutomatic())
        .as("%s at %s has no module-info.class; run with -am so the reactor's own build is used",
            name, ref.location().orElseThrow())
        .isFalse());
  }

  private static String modulePath() {
    // core and jdbc with their closure, plus the H2 driver and an SLF4J binding that the host
    // does not require: found through ServiceLoader, as a host's would be.
    return modules.modulePath(List.of("dev.frontline.helpdesk.jdbc", "com.h2database", "org.slf4j.nop"));
  }

  private static Compilation compile(Path dir, String className, String source) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("host"));
    Files.writeString(src.resolve("module-info.java"), HOST_MODULE);
    Files.writeString(src.resolve("host").resolve(className + ".java"), source);
    Path out = dir.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    // an explicit, empty class path: without one, an in-process javac falls back to this JVM's
    // java.class.path, and whether that holds Frontline's classes depends on how the test runner
    // was started (then they would be found in the unnamed module instead of on the module path)
    Path emptyClassPath = Files.createDirectories(dir.resolve("empty-class-path"));
    int rc = javac.run(null, diagnostics, diagnostics, "--release", "17", "--class-path", emptyClassPath.toString(),
        "--module-path", modulePath(),
        "-d", out.toString(), src.resolve("module-info.java").toString(),
        src.resolve("host").resolve(className + ".java").toString());
    return new Compilation(rc == 0, diagnostics.toString(StandardCharsets.UTF_8), out);
  }

  private record Compilation(boolean ok, String diagnostics, Path classes) {}

  @Test
  @DisplayName("creates a ticket on the in-memory stores and on H2, with core's internal package closed to it")
  void runsOnTheModulePath(@TempDir Path dir) throws Exception {
    Compilation compiled = compile(dir, "Main", HOST_MAIN);
    assertThat(compiled.ok()).as(compiled.diagnostics()).isTrue();

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dorg.jooq.no-logo=true");
    command.add("-Dorg.jooq.no-tips=true");
    command.add("--module-path");
    command.add(modulePath() + File.pathSeparator + compiled.classes());
    command.add("--module");
    command.add("frontline.host/host.Main");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output;
    try {
      // the output is small; readAllBytes returns when the process ends (or is killed below)
      boolean done = process.waitFor(120, TimeUnit.SECONDS);
      if (!done) {
        process.destroyForcibly();
      }
      output = process.getInputStream().readAllBytes();
      assertThat(done).as("host finished within 120 s; output:%n%s", new String(output, StandardCharsets.UTF_8)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    String printed = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(printed).isZero();
    assertThat(printed.lines()).as(printed).containsSubsequence(
        "in-memory: HD-1 NEW \"Printer on fire\"",
        "h2: HD-1 NEW \"Printer on fire\"",
        "core: dev.frontline.helpdesk automatic=false internal exported=false internal exported to jdbc=true");
  }

  @Test
  @DisplayName("cannot compile against core's or an adapter's internal package")
  void internalPackagesAreNotAccessible(@TempDir Path dir) throws Exception {
    Compilation compiled = compile(dir, "Sneaky", """
        package host;

        public final class Sneaky {
          public static void main(String[] args) {
            System.out.println(dev.frontline.helpdesk.internal.Checks.notNull(args, "args"));
            System.out.println(dev.frontline.helpdesk.jdbc.internal.Migrator.class);
          }
        }
        """);
    assertThat(compiled.ok()).isFalse();
    assertThat(compiled.diagnostics())
        .contains("package dev.frontline.helpdesk.internal is declared in module dev.frontline.helpdesk, "
            + "which does not export it to module frontline.host")
        .contains("package dev.frontline.helpdesk.jdbc.internal is declared in module dev.frontline.helpdesk.jdbc, "
            + "which does not export it");
  }
}
