package dev.bulwark.cli.tuf;

import dev.bulwark.trust.client.TargetInfo;
import dev.bulwark.trust.client.TufRemoteLayout;
import dev.bulwark.trust.client.Updater;
import dev.bulwark.trust.client.fetch.SchemeFetcher;
import dev.bulwark.trust.client.store.AtomicFiles;
import dev.bulwark.trust.client.store.DirectoryMetadataStore;
import dev.bulwark.trust.client.store.RoleNames;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One validated tuf-client invocation: what to do, with which directories and URLs. */
sealed interface TufClientRequest {

  void run() throws Exception;

  /** A command line that does not fit the protocol; reported with exit status 1. */
  final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** {@code init ROOT}: copy the trusted root's bytes; no checks, no network (CLIENT-CLI.md). */
  record Init(Path metadataDir, Path trustedRoot) implements TufClientRequest {
    @Override
    public void run() throws Exception {
      byte[] root = Files.readAllBytes(trustedRoot);
      AtomicFiles.write(metadataDir.resolve("root.json"), root);
    }
  }

  /** {@code refresh}: TUF 5.1-5.6. */
  record Refresh(Path metadataDir, URI metadataUrl) implements TufClientRequest {
    @Override
    public void run() throws Exception {
      updater(metadataDir, metadataUrl, Optional.empty()).refresh();
    }
  }

  /** {@code download}: refresh, then TUF 5.6.7 + 5.7 for each target; cached valid files stay. */
  record Download(Path metadataDir, URI metadataUrl, List<String> targets, Path targetDir, URI base)
      implements TufClientRequest {
    @Override
    public void run() throws Exception {
      Updater updater = updater(metadataDir, metadataUrl, Optional.of(base));
      updater.refresh();
      Files.createDirectories(targetDir);
      for (String name : targets) {
        TargetInfo target = updater.findTarget(name);
        Path file = targetDir.resolve(localFileName(name));
        if (Updater.findCached(target, file).isEmpty()) {
          updater.download(target, file);
        }
      }
    }
  }

  /**
   * The file name of a downloaded target inside the target directory: the target path
   * percent-encoded as one name, so that a repository-chosen path such as {@code ../x}, {@code
   * /etc/x} or {@code a/../../x} stays inside the directory; the names {@code .} and {@code ..}
   * (which encoding leaves alone) have their dots encoded too.
   */
  static String localFileName(String targetPath) throws UsageException {
    if (targetPath.isEmpty()) {
      throw new UsageException("download: expected a non-empty --target-name");
    }
    String name = RoleNames.encode(targetPath);
    return name.equals(".") || name.equals("..") ? name.replace(".", "%2E") : name;
  }

  private static Updater updater(Path metadataDir, URI metadataUrl, Optional<URI> targets) {
    return Updater.builder()
        .store(new DirectoryMetadataStore(metadataDir))
        .layout(new TufRemoteLayout(metadataUrl, targets))
        .fetcher(SchemeFetcher.standard())
        .build();
  }

  static TufClientRequest parse(
      String command,
      List<String> args,
      Path metadataDir,
      String metadataUrl,
      List<String> targetNames,
      Path targetDir,
      String targetBaseUrl)
      throws UsageException {
    Path dir = required(metadataDir, "--metadata-dir");
    return switch (command) {
      case "init" -> {
        if (args.size() != 1) {
          throw new UsageException("init: expected exactly one trusted root file, found " + args);
        }
        yield new Init(dir, Path.of(args.getFirst()));
      }
      case "refresh" -> {
        noArguments(command, args);
        yield new Refresh(dir, url(required(metadataUrl, "--metadata-url"), "--metadata-url"));
      }
      case "download" -> {
        noArguments(command, args);
        if (targetNames.isEmpty()) {
          throw new UsageException("download: expected at least one --target-name");
        }
        yield new Download(
            dir,
            url(required(metadataUrl, "--metadata-url"), "--metadata-url"),
            List.copyOf(targetNames),
            required(targetDir, "--target-dir"),
            url(required(targetBaseUrl, "--target-base-url"), "--target-base-url"));
      }
      default ->
          throw new UsageException(
              "expected a command (init, refresh or download), found '" + command + "'");
    };
  }

  private static <T> T required(T value, String option) throws UsageException {
    if (value == null) {
      throw new UsageException("missing required option " + option);
    }
    return value;
  }

  private static void noArguments(String command, List<String> args) throws UsageException {
    if (!args.isEmpty()) {
      throw new UsageException(command + ": expected no arguments, found " + args);
    }
  }

  private static URI url(String text, String option) throws UsageException {
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null) {
        throw new UsageException(option + ": expected an absolute URL, found '" + text + "'");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new UsageException(option + ": not a URL: " + e.getMessage());
    }
  }
}
