package dev.frontline.helpdesk.opensearch;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One real OpenSearch node per test JVM, started on first use from the plain distribution that the
 * build unpacks under {@code target/} (with the {@code analysis-common} module added), stopped when
 * the JVM exits.
 *
 * <p>OpenSearch refuses to run as root: as root the node runs as the unprivileged user {@code
 * frontline-search} (or {@code FRONTLINE_OPENSEARCH_USER}), which must exist ({@code .ci/run}
 * creates it). It listens on a free loopback port, single-node, with a 512 MB heap; its data and
 * logs live in a folder that user owns.
 *
 * <p>When the node cannot be started, tests are skipped with a visible message, unless {@code
 * FRONTLINE_REQUIRE_OPENSEARCH=true} (CI), which makes it a failure. Startup waits at most 120 s
 * and prints the tail of the node's log when it fails.
 */
final class OpenSearchNode {
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final String DEFAULT_USER = "frontline-search";

  private static volatile Object started; // an OpenSearchNode, or the String reason it is missing

  private final Process process;
  private final int httpPort;
  private final Path work;
  private final boolean temporary;

  private OpenSearchNode(Process process, int httpPort, Path work, boolean temporary) {
    this.process = process;
    this.httpPort = httpPort;
    this.work = work;
    this.temporary = temporary;
  }

  /** @return the HTTP address of the shared node, e.g. {@code http://127.0.0.1:39201} */
  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  int port() {
    return httpPort;
  }

  /**
   * The shared node, started on first call; skips (or, when required, fails) the calling test if
   * it cannot be started.
   *
   * @return the running node
   */
  static OpenSearchNode shared() {
    Object s = started;
    if (s == null) {
      synchronized (OpenSearchNode.class) {
        s = started;
        if (s == null) {
          try {
            s = start();
          } catch (Exception e) {
            s = e.getMessage() == null ? e.toString() : e.getMessage();
          }
          started = s;
        }
      }
    }
    if (s instanceof OpenSearchNode n) {
      return n;
    }
    String reason = "OpenSearch test node not available: " + s;
    if (required()) {
      fail(reason + " (FRONTLINE_REQUIRE_OPENSEARCH=true)");
    }
    System.out.println("[frontline] SKIPPED: " + reason + "; set FRONTLINE_REQUIRE_OPENSEARCH=true to make this a failure");
    Assumptions.abort(reason);
    throw new AssertionError("unreachable");
  }

  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("FRONTLINE_REQUIRE_OPENSEARCH"));
  }

  private static OpenSearchNode start() throws IOException, InterruptedException {
    String homeProperty = System.getProperty("frontline.opensearch.home");
    if (homeProperty == null) {
      throw new IllegalStateException("system property frontline.opensearch.home is not set (run the tests with Maven)");
    }
    Path home = Path.of(homeProperty).toAbsolutePath();
    if (!Files.isRegularFile(home.resolve("bin/opensearch"))) {
      throw new IllegalStateException("no OpenSearch distribution at " + home + " (the build unpacks it in process-test-resources)");
    }
    writeModuleDescriptor(home);

    boolean root = "root".equals(System.getProperty("user.name"));
    String user = System.getenv().getOrDefault("FRONTLINE_OPENSEARCH_USER", DEFAULT_USER);
    UserPrincipal owner = null;
    GroupPrincipal group = null;
    if (root) {
      UserPrincipalLookupService lookup = home.getFileSystem().getUserPrincipalLookupService();
      try {
        owner = lookup.lookupPrincipalByName(user);
        group = lookup.lookupPrincipalByGroupName(user);
      } catch (IOException e) {
        throw new IllegalStateException("running as root and there is no user " + user
            + " to run OpenSearch as (create one: useradd -r -m " + user + ")");
      }
    }

    // The node's own folder (config, data, logs) next to the distribution; if the user could not
    // reach the build folder, the distribution is copied to a temporary folder instead.
    boolean temporary = root && !traversableByOthers(home);
    Path work;
    if (temporary) {
      work = Files.createTempDirectory("frontline-opensearch-");
      Path copy = work.resolve("home");
      copyTree(home, copy);
      home = copy;
    } else {
      work = home.getParent().resolve("node-" + ProcessHandle.current().pid());
      deleteTree(work);
      Files.createDirectories(work);
    }
    Path config = work.resolve("config");
    copyTree(home.resolve("config"), config);
    // jvm.options names gc, error and heap-dump files relative to the distribution, which the
    // node's user may not write: point them into the node's folder
    Path jvmOptions = config.resolve("jvm.options");
    Files.writeString(jvmOptions, Files.readString(jvmOptions, StandardCharsets.UTF_8)
        .replace("logs/", work.resolve("logs") + "/")
        .replace("HeapDumpPath=data", "HeapDumpPath=" + work.resolve("data")), StandardCharsets.UTF_8);
    Files.createDirectories(work.resolve("data"));
    Files.createDirectories(work.resolve("logs"));
    int httpPort = freePort();
    int transportPort = freePort();
    Files.writeString(config.resolve("opensearch.yml"), String.join("\n",
        "cluster.name: frontline-test",
        "node.name: frontline-test-node",
        "discovery.type: single-node",
        "network.host: 127.0.0.1",
        "http.port: " + httpPort,
        "transport.port: " + transportPort,
        "path.data: " + work.resolve("data"),
        "path.logs: " + work.resolve("logs"),
        // a shared disk that is fuller than the default watermarks must not make indexes read-only
        "cluster.routing.allocation.disk.threshold_enabled: false",
        "action.destructive_requires_name: false",
        ""), StandardCharsets.UTF_8);
    if (root) {
      chown(work, owner, group);
    }

    List<String> command = new ArrayList<>();
    if (root) {
      command.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups"));
    }
    command.add(home.resolve("bin/opensearch").toString());
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
    Map<String, String> env = pb.environment();
    env.put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
    env.put("OPENSEARCH_PATH_CONF", config.toString());
    env.put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m -XX:ActiveProcessorCount=2");
    env.put("HOME", work.toString());
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("_JAVA_OPTIONS");
    Path out = work.resolve("logs/console.log");
    pb.redirectErrorStream(true).redirectOutput(out.toFile());
    Process p = pb.start();
    OpenSearchNode node = new OpenSearchNode(p, httpPort, work, temporary);
    Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "opensearch-test-node-stop"));
    try {
      node.awaitGreen();
    } catch (IOException | RuntimeException e) {
      String tail = tail(out, 40);
      node.stop();
      throw new IllegalStateException(e.getMessage() + "\n--- node log (last lines) ---\n" + tail, e);
    }
    System.out.println("[frontline] OpenSearch test node up at " + node.url() + (root ? " as user " + user : ""));
    return node;
  }

  private void awaitGreen() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("OpenSearch exited with code " + process.exitValue() + " while starting");
      }
      try {
        HttpResponse<String> r = http.send(
            HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("OpenSearch did not become ready within " + STARTUP.toSeconds() + " s (last: " + last + ")");
  }

  private void stop() {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    process.destroy();
    all.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle h : all) {
      h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> h).join();
    }
    if (temporary) {
      try {
        deleteTree(work);
      } catch (IOException ignored) {
        // a temporary folder; best effort
      }
    }
  }

  /** The descriptor a module of the distribution needs; the Maven artifact is the bare jar. */
  private static void writeModuleDescriptor(Path home) throws IOException {
    Path dir = home.resolve("modules/analysis-common");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("the analysis-common module is missing at " + dir);
    }
    String version = System.getProperty("frontline.opensearch.version", "2.19.6");
    Files.writeString(dir.resolve("plugin-descriptor.properties"), String.join("\n",
        "description=Adds \"built in\" analyzers to OpenSearch.",
        "version=" + version,
        "name=analysis-common",
        "classname=org.opensearch.analysis.common.CommonAnalysisPlugin",
        "java.version=11",
        "opensearch.version=" + version,
        "has.native.controller=false",
        ""), StandardCharsets.UTF_8);
  }

  private static boolean traversableByOthers(Path dir) throws IOException {
    for (Path p = dir; p != null; p = p.getParent()) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
      if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE) || !perms.contains(PosixFilePermission.OTHERS_READ)) {
        return false;
      }
    }
    return true;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void chown(Path root, UserPrincipal owner, GroupPrincipal group) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        set(dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        set(file);
        return FileVisitResult.CONTINUE;
      }

      private void set(Path p) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        view.setOwner(owner);
        view.setGroup(group);
      }
    });
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
