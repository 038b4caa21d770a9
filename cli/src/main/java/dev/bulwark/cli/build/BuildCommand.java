package dev.bulwark.cli.build;

import dev.bulwark.builder.BuildProgress;
import dev.bulwark.builder.BuildReport;
import dev.bulwark.builder.BuildRequest;
import dev.bulwark.builder.Builder;
import dev.bulwark.builder.assemble.GoJson;
import dev.bulwark.builder.config.BuildConfig;
import dev.bulwark.builder.config.ConfigParser;
import dev.bulwark.builder.layer.ConfinedExtractor;
import dev.bulwark.builder.layer.Extractor;
import dev.bulwark.builder.layer.InProcessExtractor;
import dev.bulwark.builder.layer.LayerLimits;
import dev.bulwark.builder.output.OutputFormat;
import dev.bulwark.builder.trust.NotaryTrustResolver;
import dev.bulwark.builder.trust.TrustPolicy;
import dev.bulwark.builder.trust.TrustResolver;
import dev.bulwark.builder.trust.TufTrustResolver;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.OciLayout;
import dev.bulwark.oci.registry.Credentials;
import dev.bulwark.oci.registry.RegistryClient;
import dev.bulwark.oci.source.ImageSource;
import dev.bulwark.oci.source.LayoutImageSource;
import dev.bulwark.oci.source.RegistryImageSource;
import dev.bulwark.trust.client.notary.NotaryHttpFetcher;
import dev.bulwark.trust.client.notary.NotaryLayout;
import dev.bulwark.trust.client.notary.NotaryReader;
import dev.bulwark.trust.client.notary.NotaryRemote;
import dev.bulwark.trust.client.notary.NotaryTls;
import dev.bulwark.trust.client.notary.NotaryTrustDir;
import dev.bulwark.trust.client.notary.TrustPinning;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark build}: a LinuxKit YAML file to an OS image. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Build an OS image from LinuxKit YAML files (several files are appended in order).",
      "Images covered by the file's trust: block (or every image with --trust-all) have their tag"
          + " resolved to a digest through signed trust data first; an unsigned, tampered,"
          + " below-threshold or expired image stops the build before anything is pulled.",
      "Layers are flattened in a Landlock-confined child process that can write only the build's"
          + " work directory."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark build -f kernel+initrd --name demo demo.yml",
      "  bulwark build -f tar,kernel+initrd --dir out --trust-server https://notary.example:4443 \\",
      "      --trust-ca ca.pem demo.yml",
      "  bulwark build --layout ./images --json demo.yml > report.json",
      "  bulwark build --layout ./images --trust-tuf-url https://tuf.example/metadata \\",
      "      --trust-tuf-root root.json demo.yml",
      "",
      "Exit codes: 0 built, 1 failure (config, trust, pull, hostile layer), 2 usage."
    })
public final class BuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "LinuxKit YAML build files.")
  List<Path> files;

  @Option(
      names = {"-f", "--format"},
      split = ",",
      paramLabel = "FORMAT",
      description =
          "Output formats: tar, kernel+initrd, tar-kernel-initrd (default kernel+initrd).")
  List<String> formats = new ArrayList<>(List.of("kernel+initrd"));

  @Option(names = "--name", description = "Base name of the outputs (default: first file's name).")
  String name;

  @Option(names = "--dir", description = "Directory for the outputs (default: current directory).")
  Path dir = Path.of(".");

  @Option(
      names = "--layout",
      paramLabel = "DIR",
      description = "Take images from this OCI image layout instead of registries.")
  Path layout;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "OCI-layout cache for pulled images (default ~/.bulwark/cache).")
  Path cache = Path.of(System.getProperty("user.home"), ".bulwark", "cache");

  @Option(names = "--platform", description = "Platform to build for (default linux/amd64).")
  String platform = "linux/amd64";

  @Option(
      names = "--trust-server",
      paramLabel = "URL",
      description = "Notary v1 / Bulwark trust server holding the image signatures.")
  URI trustServer;

  @Option(
      names = "--trust-ca",
      paramLabel = "PEM",
      description = "CA bundle for the trust server's TLS.")
  Path trustCa;

  @Option(
      names = "--trust-dir",
      paramLabel = "DIR",
      description =
          "Trusted metadata cache (default ~/.bulwark/trust; TUF repositories under tuf/).")
  Path trustDir = Path.of(System.getProperty("user.home"), ".bulwark", "trust");

  @Option(
      names = "--trust-pin",
      paramLabel = "GUN=CERTID",
      description =
          "Pin the root certificate key ID of a GUN (or GUN prefix ending in *); repeatable.")
  java.util.Map<String, String> trustPins = new java.util.LinkedHashMap<>();

  @Option(
      names = "--trust-no-tofu",
      description =
          "Refuse a GUN that has no --trust-pin on first contact (no trust on first use).")
  boolean noTofu;

  @Option(
      names = "--trust-tuf-url",
      paramLabel = "URL",
      description =
          "Resolve trusted tags through this TUF repository's metadata (http, https or file URL, or"
              + " a directory); target path registry/repository:tag, sha256 = manifest digest.")
  String tufUrl;

  @Option(
      names = "--trust-tuf-root",
      paramLabel = "ROOT.json",
      description =
          "Trusted root metadata of --trust-tuf-url, used on first contact (later builds follow"
              + " root rotations from the stored root).")
  Path tufRoot;

  @Option(names = "--trust-all", description = "Treat every image as covered by trust.")
  boolean trustAll;

  @Option(
      names = "--json",
      description = "Print the build report (images, digests, verification) as JSON.")
  boolean json;

  @Option(
      names = "--no-sandbox",
      description = "Flatten layers in-process instead of in a Landlock-confined child (unsafe).")
  boolean noSandbox;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "Scratch space (default: system temp).")
  Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "bulwark-build");

  @Override
  public Integer call() throws Exception {
    BuildConfig config = ConfigParser.parseFiles(files);
    Set<OutputFormat> fmts = new LinkedHashSet<>();
    for (String f : formats) {
      try {
        fmts.add(OutputFormat.parse(f.strip()));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    String base =
        name != null
            ? name
            : files.getFirst().getFileName().toString().replaceFirst("\\.ya?ml$", "");
    BuildRequest req =
        new BuildRequest(
            config,
            fmts,
            dir,
            base,
            TrustPolicy.of(config.trust(), trustAll),
            resolver(),
            source(),
            Platform.parse(platform),
            extractor(),
            workDir);
    BuildProgress progress =
        onTerminal() && !json
            ? new TerminalProgress(spec.commandLine().getErr())
            : BuildProgress.QUIET;
    BuildReport report = new Builder(progress).build(req);
    if (json) {
      spec.commandLine()
          .getOut()
          .println(new String(GoJson.indent(report.toMap()), StandardCharsets.UTF_8));
    } else {
      report.outputs().forEach(p -> spec.commandLine().getOut().println(p));
    }
    return 0;
  }

  // Since JDK 22 System.console() is not null when output is redirected: ask isTerminal().
  @SuppressWarnings("SystemConsoleNull")
  private static boolean onTerminal() {
    java.io.Console c = System.console();
    return c != null && c.isTerminal();
  }

  private Optional<TrustResolver> resolver() throws Exception {
    if (tufUrl != null || tufRoot != null) {
      return Optional.of(tufResolver());
    }
    if (trustServer == null) {
      return Optional.empty();
    }
    NotaryTls tls = trustCa != null ? NotaryTls.withCa(trustCa) : NotaryTls.systemDefault();
    NotaryRemote remote =
        new NotaryRemote(
            new NotaryLayout(trustServer), new NotaryHttpFetcher(tls, Duration.ofSeconds(30)));
    NotaryReader reader =
        new NotaryReader(
            remote, pinning(), Clock.systemUTC(), gun -> new NotaryTrustDir(trustDir, gun));
    return Optional.of(new NotaryTrustResolver(reader, trustServer.toString()));
  }

  /**
   * {@code --trust-pin} and {@code --trust-no-tofu} as Notary trust pinning (comma-separated IDs).
   */
  private TrustPinning pinning() {
    java.util.Map<String, List<String>> certs = new java.util.LinkedHashMap<>();
    trustPins.forEach(
        (gun, ids) ->
            certs.put(gun, java.util.Arrays.stream(ids.split(",")).map(String::strip).toList()));
    return new TrustPinning(certs, java.util.Map.of(), noTofu);
  }

  private TrustResolver tufResolver() throws Exception {
    if (tufUrl == null || tufRoot == null || trustServer != null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--trust-tuf-url and --trust-tuf-root go together, and not with --trust-server");
    }
    URI url =
        tufUrl.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")
            ? URI.create(tufUrl)
            : Path.of(tufUrl).toAbsolutePath().toUri();
    String key =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(url.toString().getBytes(StandardCharsets.UTF_8)))
            .substring(0, 16);
    return TufTrustResolver.open(
        url, tufRoot, trustDir.resolve("tuf").resolve(key), Clock.systemUTC());
  }

  private ImageSource source() throws Exception {
    if (layout != null) {
      return new LayoutImageSource(OciLayout.open(layout));
    }
    RegistryClient client =
        RegistryClient.builder().credentials(Credentials.fromEnvironment()).build();
    return new RegistryImageSource(client, OciLayout.open(cache));
  }

  private Function<Path, Extractor> extractor() {
    if (noSandbox) {
      return work -> new InProcessExtractor(LayerLimits.DEFAULT);
    }
    Set<Path> blobs = new LinkedHashSet<>();
    blobs.add((layout != null ? layout : cache).toAbsolutePath().normalize());
    return work -> new ConfinedExtractor(LayerLimits.DEFAULT, work, blobs);
  }
}
