package dev.polyvirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve refuses a missing workspace and a taken port as bad input (exit 2), before serving anything. */
class ServeCommandTest {
  @TempDir Path dir;

  int run(StringWriter err, String... args) {
    return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
  }

  @Test
  void aMissingWorkspaceIsBadInput() {
    StringWriter err = new StringWriter();
    assertThat(run(err, "serve", "--workspace", dir.resolve("nope").toString(), "--port", "0")).isEqualTo(2);
    assertThat(err.toString()).startsWith("polyvirt: --workspace: ").contains("is not a folder");
  }

  @Test
  void aTakenPortIsBadInput() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      StringWriter err = new StringWriter();
      assertThat(run(err, "serve", "--workspace", dir.toString(), "--port", String.valueOf(taken.getLocalPort()))).isEqualTo(2);
      assertThat(err.toString()).startsWith("polyvirt: cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("--port 0");
    }
  }
}
