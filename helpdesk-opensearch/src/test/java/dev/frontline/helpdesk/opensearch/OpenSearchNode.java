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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Real OpenSearch nodes, started from the plain distribution that the build unpacks under {@code
 * target/} (with the {@code analysis-common} module added): one {@linkplain #shared() shared} node
 * per test JVM, stopped when the JVM exits, and {@linkplain #dedicated(int) nodes of their own} for
 * tests that stop, kill and restart them (a single node or a small cluster).
 *
 * <p>OpenSearch refuses to run as root: as root the node runs as the unprivileged user {@code
 * frontline-search} (or {@code FRONTLINE_OPENSEARCH_USER}), which must exist ({@code .ci/run}
 * creates it). Each node listens on free loopback ports, with a heap of at most 512 MB; its data
 * and logs live in a folder that user owns.
 *
 * <p>When the node cannot be started, tests are skipped with a visible message, unless {@code
 * FRONTLINE_REQUIRE_OPENSEARCH=true} (CI), which makes it a failure. Startup waits at most 120 s
 * and prints the tail of the node's log when it fails.
 *
 * <p>Public, in this module's test jar, for other modules' tests (the Spring Boot example's); they
 * set the system property {@code frontline.opensearch.home} to a distribution they unpack the same
 * way.
 */
public final class OpenSearchNode {
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final String DEFAULT_USER = "frontline-search";

  private static volatile Object started; // an OpenSearchNode, or the String reason it is missing

  private final String name;
  private final Path home;
  private final Path work;
  private final boolean temporary;
  private final int httpPort;
  private final boolean root;
  private final String user;
  private final String heap;
  private final String health;
  private @Nullable Process process;

  private OpenSearchNode(String name, Path home, Path work, boolean temporary, int httpPort, boolean root, String user,
      String heap, String health) {
    this.name = name;
    this.home = home;
    this.work = work;
    this.temporary = temporary;
    this.httpPort = httpPort;
    this.root = root;
    this.user = user;
    this.heap = heap;
    this.health = health;
  }

  /** @return the HTTP address of the node, e.g. {@code http://127.0.0.1:39201} */
  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  public int port() {
    return httpPort;
  }

  public String name() {
    return name;
  }

  /**
   * The shared node, started on first call; skips (or, when required, fails) the calling test if
   * it cannot be started.
   *
   * @return the running node
   */
  public static OpenSearchNode shared() {
    Object s = started;
    if (s == null) {
      synchronized (OpenSearchNode.class) {
        s = started;
        if (s == null) {
          try {
            OpenSearchNode n = cluster("frontline-test", 1, "-Xms512m -Xmx512m").get(0);
            Runtime.getRuntime().addShutdownHook(new Thread(n::destroy, "opensearch-test-node-stop"));
            s = n;
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
    throw unavailable(String.valueOf(s));
  }

  /**
   * Nodes of their own for a test that stops and starts them: one node (single-node discovery), or
   * a cluster whose first node is the cluster manager and holds data, the others hold data only.
   * Small heaps (256 to 512 MB). The caller {@linkplain #destroy() destroys} them; skips (or, when
   * required, fails) the calling test if they cannot be started.
   *
   * @param count how many nodes
   * @return the running nodes, the cluster manager first
   */
  public static List<OpenSearchNode> dedicated(int count) {
    try {
      return cluster("frontline-test-" + ProcessHandle.current().pid() + "-" + DEDICATED.incrementAndGet(), count,
          "-Xms256m -Xmx512m");
    } catch (Exception e) {
      throw unavailable(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private static final java.util.concurrent.atomic.AtomicInteger DEDICATED = new java.util.concurrent.atomic.AtomicInteger();

  private static RuntimeException unavailable(String why) {
    String reason = "OpenSearch test node not available: " + why;
    if (required()) {
      fail(reason + " (FRONTLINE_REQUIRE_OPENSEARCH=true)");
    }
    System.out.println("[frontline] SKIPPED: " + reason + "; set FRONTLINE_REQUIRE_OPENSEARCH=true to make this a failure");
    Assumptions.abort(reason);
    throw new AssertionError("unreachable");
  }

  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("FRONTLINE_REQUIRE_OPENSEARCH"));
  }

  private static List<OpenSearchNode> cluster(String clusterName, int count, String heap) throws IOException, InterruptedException {
    String homeProperty = System.getProperty("frontline.opensearch.home");
    if (homeProperty == null) {
      throw new IllegalStateException("system property frontline.opensearch.home is not set (run the tests with Maven)");
    }
    Path distribution = Path.of(homeProperty).toAbsolutePath();
    if (!Files.isRegularFile(distribution.resolve("bin/opensearch"))) {
      throw new IllegalStateException("no OpenSearch distribution at " + distribution + " (the build unpacks it in process-test-resources)");
    }
    writeModuleDescriptor(distribution);

    boolean root = "root".equals(System.getProperty("user.name"));
    String user = System.getenv().getOrDefault("FRONTLINE_OPENSEARCH_USER", DEFAULT_USER);
    UserPrincipal owner = null;
    GroupPrincipal group = null;
    if (root) {
      UserPrincipalLookupService lookup = distribution.getFileSystem().getUserPrincipalLookupService();
      try {
        owner = lookup.lookupPrincipalByName(user);
        group = lookup.lookupPrincipalByGroupName(user);
      } catch (IOException e) {
        throw new IllegalStateException("running as root and there is no user " + user
            + " to run OpenSearch as (create one: useradd -r -m " + user + ")");
      }
    }
    List<String> names = new ArrayList<>();
    List<Integer> httpPorts = new ArrayList<>();
    List<Integer> transportPorts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(clusterName + "-node-" + i);
      httpPorts.add(freePort());
      transportPorts.add(freePort());
    }
    List<OpenSearchNode> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // The node's own folder (config, data, logs) next to the distribution; if the user could not
      // reach the build folder, the distribution is copied to a temporary folder instead.
      Path home = distribution;
      boolean temporary = root && !traversableByOthers(distribution);
      Path work;
      if (temporary) {
        work = Files.createTempDirectory("frontline-opensearch-");
        Path copy = work.resolve("home");
        copyTree(distribution, copy);
        home = copy;
      } else {
        work = distribution.getParent().resolve("node-" + ProcessHandle.current().pid() + "-" + names.get(i));
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
      List<String> yml = new ArrayList<>(List.of(
          "cluster.name: " + clusterName,
          "node.name: " + names.get(i),
          "network.host: 127.0.0.1",
          "http.port: " + httpPorts.get(i),
          "transport.port: " + transportPorts.get(i),
          "path.data: " + work.resolve("data"),
          "path.logs: " + work.resolve("logs"),
          // a shared disk that is fuller than the default watermarks must not make indexes read-only
          "cluster.routing.allocation.disk.threshold_enabled: false",
          "action.destructive_requires_name: false"));
      if (count == 1) {
        yml.add("discovery.type: single-node");
      } else {
        yml.add("discovery.seed_hosts: [" + String.join(", ",
            transportPorts.stream().map(p -> "\"127.0.0.1:" + p + "\"").toList()) + "]");
        yml.add("cluster.initial_cluster_manager_nodes: [\"" + names.get(0) + "\"]");
        yml.add("node.roles: " + (i == 0 ? "[cluster_manager, data, ingest]" : "[data, ingest]"));
        // a node that comes back gets its shard copies again at once
        yml.add("cluster.routing.allocation.node_concurrent_recoveries: 4");
      }
      yml.add("");
      Files.writeString(config.resolve("opensearch.yml"), String.join("\n", yml), StandardCharsets.UTF_8);
      if (root) {
        chown(work, owner, group);
      }
      String health = "wait_for_status=yellow&wait_for_nodes=" + (count == 1 ? "1" : ">=1");
      nodes.add(new OpenSearchNode(names.get(i), home, work, temporary, httpPorts.get(i), root, user, heap, health));
    }
    try {
      for (OpenSearchNode n : nodes) {
        n.launch();
      }
      for (OpenSearchNode n : nodes) {
        n.awaitReady(count == 1 ? n.health : "wait_for_status=yellow&wait_for_nodes=" + count);
      }
    } catch (IOException | RuntimeException e) {
      nodes.forEach(OpenSearchNode::destroy);
      throw e;
    }
    System.out.println("[frontline] OpenSearch test " + (count == 1 ? "node" : "cluster of " + count) + " up at "
        + nodes.stream().map(OpenSearchNode::url).toList() + (root ? " as user " + user : ""));
    return nodes;
  }

  private void launch() throws IOException {
    List<String> command = new ArrayList<>();
    if (root) {
      command.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups"));
    }
    command.add(home.resolve("bin/opensearch").toString());
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
    Map<String, String> env = pb.environment();
    env.put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
    env.put("OPENSEARCH_PATH_CONF", work.resolve("config").toString());
    env.put("OPENSEARCH_JAVA_OPTS", heap + " -XX:ActiveProcessorCount=2");
    env.put("HOME", work.toString());
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("_JAVA_OPTIONS");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("logs/console.log").toFile()));
    process = pb.start();
  }

  /**
   * Starts a stopped node again, on its ports and data, and waits until it answers.
   *
   * @param healthQuery the cluster health the node must report, e.g. {@code wait_for_status=green}
   */
  public void restart(String healthQuery) throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    launch();
    awaitReady(healthQuery);
  }

  /** Kills the node (SIGKILL, as a crash); its data stays for a {@link #restart}. */
  public void kill() {
    Process p = process;
    if (p == null) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    p.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
    await(p, all);
  }

  /** Stops the node (SIGTERM, an orderly shutdown); its data stays for a {@link #restart}. */
  public void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    p.destroy();
    all.forEach(ProcessHandle::destroy);
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    await(p, all);
  }

  private static void await(Process p, List<ProcessHandle> all) {
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle h : all) {
      h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> h).join();
    }
  }

  /** Stops the node and deletes its folder. */
  public void destroy() {
    stop();
    try {
      deleteTree(work);
    } catch (IOException ignored) {
      // best effort
    }
  }

  private void awaitReady(String healthQuery) throws IOException, InterruptedException {
    try {
      awaitHealth(healthQuery);
    } catch (IOException | RuntimeException e) {
      String tail = tail(work.resolve("logs/console.log"), 40);
      throw new IllegalStateException(e.getMessage() + "\n--- node log of " + name + " (last lines) ---\n" + tail, e);
    }
  }

  private void awaitHealth(String healthQuery) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      Process p = process;
      if (p == null || !p.isAlive()) {
        throw new IllegalStateException("OpenSearch node " + name + " exited" + (p == null ? "" : " with code " + p.exitValue())
            + " while starting");
      }
      try {
        HttpResponse<String> r = http.send(
            HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?timeout=2s&" + healthQuery))
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
    throw new IllegalStateException("OpenSearch node " + name + " did not become ready within " + STARTUP.toSeconds()
        + " s (last: " + last + ")");
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
