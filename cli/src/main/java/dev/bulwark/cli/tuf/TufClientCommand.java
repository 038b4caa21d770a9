package dev.bulwark.cli.tuf;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark tuf-client}: the tuf-conformance CLI protocol (CLIENT-CLI.md). Options may come
 * before or after the command word, as the conformance runner puts them first. Exit status is 0 on
 * success and 1 on any failure (usage errors included, as the protocol requires).
 */
@Command(
    name = "tuf-client",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 1,
    description = {
      "A TUF 1.0 client (spec §5) speaking the tuf-conformance client protocol.",
      "",
      "Commands:",
      "  init ROOT    copy the trusted root file ROOT to DIR/root.json (no network)",
      "  refresh      update root, timestamp, snapshot and targets metadata in DIR",
      "  download     refresh, then fetch and verify each --target-name into --target-dir",
      "",
      "DIR holds one <role>.json per trusted role: exactly the bytes received, role names"
          + " percent-encoded. Exit status: 0 on success, 1 on any failure."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark tuf-client --metadata-dir /tmp/md init ./root.json",
      "  bulwark tuf-client --metadata-dir /tmp/md --metadata-url http://localhost:8000/metadata"
          + " refresh",
      "  bulwark tuf-client --metadata-dir /tmp/md --metadata-url http://localhost:8000/metadata \\",
      "      --target-name a/file.txt --target-base-url http://localhost:8000/targets \\",
      "      --target-dir /tmp/out download"
    })
public final class TufClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--metadata-dir", paramLabel = "DIR", description = "Trusted metadata directory.")
  Path metadataDir;

  @Option(
      names = "--metadata-url",
      paramLabel = "URL",
      description = "Base URL of the repository metadata (refresh, download).")
  String metadataUrl;

  @Option(
      names = "--target-name",
      paramLabel = "PATH",
      description = "TUF target path to download (repeatable).")
  List<String> targetNames = new ArrayList<>();

  @Option(
      names = "--target-dir",
      paramLabel = "DIR",
      description = "Where verified targets are stored.")
  Path targetDir;

  @Option(
      names = "--target-base-url",
      paramLabel = "URL",
      description = "Base URL of the repository's target files.")
  String targetBaseUrl;

  @Parameters(index = "0", paramLabel = "COMMAND", description = "init, refresh or download.")
  String command;

  @Parameters(index = "1..*", paramLabel = "ARG", description = "init: the trusted root file.")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      TufClientRequest request =
          TufClientRequest.parse(
              command, arguments, metadataDir, metadataUrl, targetNames, targetDir, targetBaseUrl);
      request.run();
      return 0;
    } catch (TufClientRequest.UsageException e) {
      err.println("bulwark tuf-client: " + e.getMessage());
      err.println("Try 'bulwark tuf-client --help'.");
      return 1;
    } catch (Exception e) {
      err.println("bulwark tuf-client: " + describe(e));
      if (System.getenv("BULWARK_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  private static String describe(Exception e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e.getClass().getSimpleName() + ": " + msg;
  }
}
