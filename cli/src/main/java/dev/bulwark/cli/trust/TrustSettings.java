package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryClientConfig;
import dev.bulwark.trust.client.notary.NotaryHttpFetcher;
import dev.bulwark.trust.client.notary.NotaryLayout;
import dev.bulwark.trust.client.notary.NotaryReader;
import dev.bulwark.trust.client.notary.NotaryRemote;
import dev.bulwark.trust.client.notary.NotaryTls;
import dev.bulwark.trust.client.notary.NotaryTrustDir;
import dev.bulwark.trust.client.notary.TrustPinning;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ParameterException;

/**
 * The resolved global options of {@code bulwark trust}.
 *
 * @param server Notary server URL
 * @param trustDir trust dir (keys under {@code private/}, metadata under {@code
 *     tuf/<gun>/metadata})
 * @param tls TLS settings for the server connection
 * @param pinning trust pinning from the config file
 */
public record TrustSettings(URI server, Path trustDir, NotaryTls tls, TrustPinning pinning) {
  /** The real client's default server. */
  public static final URI DEFAULT_SERVER = URI.create("https://notary-server:4443");

  static TrustSettings resolve(TrustCommand o) {
    NotaryClientConfig cfg = loadConfig(o.config);
    Path home = Path.of(System.getProperty("user.home"));
    URI server = Optional.ofNullable(o.server).or(cfg::server).orElse(DEFAULT_SERVER);
    Path trustDir =
        Optional.ofNullable(o.trustDir).or(cfg::trustDir).orElse(home.resolve(".notary"));
    NotaryTls tls =
        new NotaryTls(
            Optional.ofNullable(o.tlsCaCert).or(cfg::rootCa),
            Optional.ofNullable(o.tlsCert).or(cfg::clientCert),
            Optional.ofNullable(o.tlsKey).or(cfg::clientKey));
    return new TrustSettings(server, trustDir.toAbsolutePath(), tls, pinning(o, cfg.pinning()));
  }

  // Flags over trust_pinning of the config file, entry by entry.
  private static TrustPinning pinning(TrustCommand o, TrustPinning fromConfig) {
    Map<String, List<String>> certs = new LinkedHashMap<>();
    for (String flag : o.pinCerts) {
      String[] kv = split(o, "--pin-cert", flag, "GUN=CERTID[,CERTID...]", false);
      List<String> ids = List.of(kv[1].split(",", -1));
      for (String id : ids) {
        if (!id.matches("[0-9a-f]{64}")) {
          throw new ParameterException(
              o.spec.commandLine(),
              "--pin-cert "
                  + flag
                  + ": '"
                  + id
                  + "' is not a certificate key ID (64 lowercase hex digits)");
        }
      }
      certs.put(kv[0], ids);
    }
    Map<String, Path> ca = new LinkedHashMap<>();
    for (String flag : o.pinCas) {
      String[] kv = split(o, "--pin-ca", flag, "PREFIX=FILE", true);
      Path file = Path.of(kv[1]).toAbsolutePath();
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(
            o.spec.commandLine(), "--pin-ca " + flag + ": no such file " + file);
      }
      ca.put(kv[0], file);
    }
    return fromConfig.overriddenBy(certs, ca, Optional.ofNullable(o.tofu).map(allowed -> !allowed));
  }

  private static String[] split(
      TrustCommand o, String option, String flag, String form, boolean emptyKeyAllowed) {
    int eq = flag.indexOf('=');
    if (eq < 0 || (eq == 0 && !emptyKeyAllowed) || eq == flag.length() - 1) {
      throw new ParameterException(
          o.spec.commandLine(), option + " " + flag + ": expected " + form);
    }
    return new String[] {flag.substring(0, eq), flag.substring(eq + 1)};
  }

  private static NotaryClientConfig loadConfig(Path explicit) {
    Path file = explicit;
    if (file == null) {
      Path dflt = Path.of(System.getProperty("user.home"), ".notary", "config.json");
      if (!Files.isRegularFile(dflt)) {
        return NotaryClientConfig.empty();
      }
      file = dflt;
    }
    try {
      return NotaryClientConfig.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config " + file + ": " + e.getMessage(), e);
    } catch (MalformedMetadataException e) {
      throw new IllegalArgumentException("bad config file: " + e.getMessage(), e);
    }
  }

  /** A reader of collections on this server, caching into this trust dir. */
  public NotaryReader reader() {
    NotaryRemote remote =
        new NotaryRemote(
            new NotaryLayout(server), new NotaryHttpFetcher(tls, Duration.ofSeconds(60)));
    return new NotaryReader(remote, pinning, Clock.systemUTC(), gun -> cache(gun));
  }

  /** The metadata cache of {@code gun} in the trust dir. */
  public NotaryTrustDir cache(Gun gun) {
    return new NotaryTrustDir(trustDir, gun);
  }
}
