package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Notary client {@code config.json} (research/notary.md §1): {@code trust_dir}, {@code
 * remote_server} ({@code url}, {@code root_ca}, {@code tls_client_cert}, {@code tls_client_key})
 * and {@code trust_pinning}. Relative file paths are resolved against the config file's directory
 * and {@code ~} is expanded in {@code trust_dir}, as the real client does. Unknown keys are
 * ignored.
 *
 * @param trustDir {@code trust_dir}
 * @param server {@code remote_server.url}
 * @param rootCa {@code remote_server.root_ca}
 * @param clientCert {@code remote_server.tls_client_cert}
 * @param clientKey {@code remote_server.tls_client_key}
 * @param pinning {@code trust_pinning}
 */
public record NotaryClientConfig(
    Optional<Path> trustDir,
    Optional<URI> server,
    Optional<Path> rootCa,
    Optional<Path> clientCert,
    Optional<Path> clientKey,
    TrustPinning pinning) {

  /** No config file. */
  public static NotaryClientConfig empty() {
    return new NotaryClientConfig(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        TrustPinning.tofu());
  }

  /** Reads {@code file}; errors name the file and the field. */
  public static NotaryClientConfig read(Path file) throws IOException, MalformedMetadataException {
    Path base = file.toAbsolutePath().getParent();
    JsonFields root =
        JsonFields.of(JsonReader.parseObject(Files.readAllBytes(file)), file.toString());
    Optional<Path> trustDir = root.optString("trust_dir").map(s -> expandHome(s, base));
    JsonFields remote = root.has("remote_server") ? root.object("remote_server") : null;
    return new NotaryClientConfig(
        trustDir,
        remote == null ? Optional.empty() : remote.optString("url").map(URI::create),
        path(remote, "root_ca", base),
        path(remote, "tls_client_cert", base),
        path(remote, "tls_client_key", base),
        root.has("trust_pinning")
            ? pinning(root.object("trust_pinning"), base)
            : TrustPinning.tofu());
  }

  private static Optional<Path> path(JsonFields section, String name, Path base)
      throws MalformedMetadataException {
    if (section == null) {
      return Optional.empty();
    }
    return section.optString(name).filter(s -> !s.isEmpty()).map(s -> base.resolve(s));
  }

  private static TrustPinning pinning(JsonFields tp, Path base) throws MalformedMetadataException {
    Map<String, List<String>> certs = new LinkedHashMap<>();
    if (tp.has("certs")) {
      JsonFields c = tp.object("certs");
      for (Map.Entry<String, JsonValue> e : c.object().members().entrySet()) {
        certs.put(e.getKey(), strings(e.getValue(), c.where(e.getKey())));
      }
    }
    Map<String, Path> ca = new LinkedHashMap<>();
    if (tp.has("ca")) {
      JsonFields c = tp.object("ca");
      for (String prefix : c.object().members().keySet()) {
        ca.put(prefix, base.resolve(c.string(prefix)));
      }
    }
    boolean disableTofu = tp.has("disable_tofu") && tp.bool("disable_tofu");
    return new TrustPinning(certs, ca, disableTofu);
  }

  private static List<String> strings(JsonValue v, String where) throws MalformedMetadataException {
    if (!(v instanceof JsonArray a)) {
      throw new MalformedMetadataException(where + ": expected an array of cert key IDs");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add(JsonFields.asString(a.get(i), where + "[" + i + "]"));
    }
    return out;
  }

  static Path expandHome(String path, Path base) {
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + path.substring(1));
    }
    return base.resolve(path);
  }
}
