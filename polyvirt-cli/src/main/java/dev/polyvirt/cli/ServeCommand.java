package dev.polyvirt.cli;

import dev.polyvirt.dashboard.Dashboard;
import dev.polyvirt.dashboard.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code polyvirt serve}: the local dashboard over a workspace's results database. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve a local dashboard: past runs, their reports, a spec editor that runs with live progress, and run comparison.")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "P", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = 7070;

  @Option(names = "--host", paramLabel = "H", description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host = "127.0.0.1";

  @Option(names = "--workspace", paramLabel = "DIR",
      description = "The folder whose specs and polyvirt-out/ the dashboard may read and write; nothing outside it (default: the current folder).")
  Path workspace = Path.of(".");

  @Option(names = "--threads", paramLabel = "N", description = "Simulations run in parallel (default: cores). Results do not depend on it.")
  int threads = Runtime.getRuntime().availableProcessors();

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(workspace)) throw new BadInput("--workspace: " + workspace + " is not a folder");
    if (port < 0 || port > 65535) throw new BadInput("--port: " + port + " is not a port (0-65535)");
    Dashboard dashboard;
    try {
      dashboard = Dashboard.start(new Workspace(workspace), host, port, threads);
    } catch (RuntimeException e) {
      throw new BadInput("cannot listen on " + host + ":" + port + ": " + rootMessage(e) + " (try another --port, or --port 0)");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("polyvirt dashboard on http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + dashboard.port()
        + "/ for " + workspace.toRealPath() + " (Ctrl-C stops it)");
    if (!loopback(host)) {
      out.println("warning: " + host + " is reachable from other machines; anyone who can reach it can run specs here");
    }
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dashboard.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) t = t.getCause();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
