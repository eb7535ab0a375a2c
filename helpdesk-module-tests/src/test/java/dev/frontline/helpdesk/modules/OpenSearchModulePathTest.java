package dev.frontline.helpdesk.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host application as a named module that requires {@code dev.frontline.helpdesk.opensearch},
 * compiled and run on the module path with the module's dependencies as a build tool puts them
 * there. {@code helpdesk-opensearch} requires the OpenSearch Java client, which has no module
 * descriptor: it is the automatic module {@code opensearch.java}. The host talks to a stand-in
 * for a cluster (an HTTP server in this JVM that answers the two requests the host makes), so that
 * the client's transport, JSON mapping and error translation all run on the module path.
 */
@DisplayName("A host of helpdesk-opensearch on the module path")
class OpenSearchModulePathTest {
  private static final String HOST_MODULE = """
      module frontline.oshost {
        requires dev.frontline.helpdesk.opensearch;
      }
      """;

  private static final String HOST_MAIN = """
      package host;

      import dev.frontline.helpdesk.opensearch.OpenSearchKnowledgeSearch;
      import dev.frontline.helpdesk.opensearch.OpenSearchUnavailableException;
      import java.net.URI;
      import java.time.Duration;

      public final class Main {
        public static void main(String[] args) {
          try (OpenSearchKnowledgeSearch s = OpenSearchKnowledgeSearch.builder(URI.create(args[0])).indexPrefix("host").build()) {
            System.out.println("alias: " + s.indexAlias());
            System.out.println("cursor: " + s.appliedSequence());
          }
          Module client = OpenSearchKnowledgeSearch.class.getModule().getLayer().findModule("opensearch.java").orElseThrow();
          System.out.println("client: " + client.getName() + " automatic=" + client.getDescriptor().isAutomatic());
          try {
            OpenSearchKnowledgeSearch.builder(URI.create(args[1])).timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).build();
          } catch (OpenSearchUnavailableException e) {
            System.out.println("unreachable: " + e.getClass().getSimpleName());
          }
        }
      }
      """;

  private static void answer(com.sun.net.httpserver.HttpExchange x, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    if (x.getRequestMethod().equals("HEAD")) {
      x.sendResponseHeaders(status, -1);
    } else {
      x.sendResponseHeaders(status, body.length);
      x.getResponseBody().write(body);
    }
    x.close();
  }

  @Test
  @DisplayName("builds, reads the change-feed cursor through the client and reports an unreachable cluster")
  void runsOnTheModulePath(@TempDir Path dir) throws Exception {
    ClassPathModules modules = ClassPathModules.fromClassPath();
    assertThat(modules.find("opensearch.java")).as("the client on the test class path").isPresent();
    assertThat(modules.find("opensearch.java").orElseThrow().descriptor().isAutomatic()).isTrue();
    // what a build tool puts on a modular host's module path: the module, what it requires, and the
    // client's own dependencies (the client, an automatic module, declares none)
    String modulePath = modules.modulePath(List.of("dev.frontline.helpdesk.opensearch", "org.slf4j.nop",
        "org.eclipse.parsson", "org.apache.commons.logging", "org.apache.httpcomponents.core5.httpcore5.h2"));

    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("host"));
    Files.writeString(src.resolve("module-info.java"), HOST_MODULE);
    Files.writeString(src.resolve("host/Main.java"), HOST_MAIN);
    Path out = dir.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    Path emptyClassPath = Files.createDirectories(dir.resolve("empty-class-path"));
    int rc = javac.run(null, diagnostics, diagnostics, "--release", "17", "--class-path", emptyClassPath.toString(),
        "--module-path", modulePath, "-d", out.toString(), src.resolve("module-info.java").toString(),
        src.resolve("host/Main.java").toString());
    assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    HttpServer cluster = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    cluster.createContext("/", x -> {
      String path = x.getRequestURI().getPath();
      if (path.equals("/_alias/host-knowledge")) {
        answer(x, 200, "{\"host-knowledge-1\":{\"aliases\":{\"host-knowledge\":{}}}}");
      } else if (path.equals("/host-knowledge/_doc/~change-feed-cursor")) {
        answer(x, 200, "{\"_index\":\"host-knowledge-1\",\"_id\":\"~change-feed-cursor\",\"_version\":42,\"_seq_no\":3,"
            + "\"_primary_term\":1,\"found\":true,\"_source\":{\"id\":\"~change-feed-cursor\",\"status\":\"CURSOR\",\"applied\":42}}");
      } else {
        answer(x, 404, "{\"error\":\"not expected: " + x.getRequestMethod() + " " + path + "\",\"status\":404}");
      }
    });
    cluster.start();
    int nobody;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobody = s.getLocalPort();
    }
    String printed;
    int exit;
    try {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--module-path", modulePath + File.pathSeparator + out, "--module", "frontline.oshost/host.Main",
          "http://127.0.0.1:" + cluster.getAddress().getPort(), "http://127.0.0.1:" + nobody));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      try {
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
          process.destroyForcibly();
        }
        printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("host finished within 120 s; output:%n%s", printed).isTrue();
        exit = process.exitValue();
      } finally {
        process.destroyForcibly();
      }
    } finally {
      cluster.stop(0);
    }
    assertThat(exit).as(printed).isZero();
    assertThat(printed.lines()).as(printed).containsSubsequence(
        "alias: host-knowledge",
        "cursor: 42",
        "client: opensearch.java automatic=true",
        "unreachable: OpenSearchUnavailableException");
  }
}
