package dev.bulwark.trust.client;

import dev.bulwark.trust.client.store.RoleNames;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.TargetFile;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The TUF 1.0 repository layout: {@code <metadataBase>/[VERSION.]<role>.json} with the role name
 * percent-encoded, and targets under {@code <targetBase>/<path>}, or {@code
 * <targetBase>/<dir>/<HASH>.<name>} with consistent snapshots (§6.2.1).
 */
public final class TufRemoteLayout implements RemoteLayout {
  private final String metadataBase;
  private final Optional<String> targetBase;

  /**
   * @param metadataBase base URL of the metadata (a trailing "/" is optional)
   * @param targetBase base URL of the target files, if targets will be downloaded
   */
  public TufRemoteLayout(URI metadataBase, Optional<URI> targetBase) {
    this.metadataBase = withSlash(Objects.requireNonNull(metadataBase, "metadataBase"));
    this.targetBase = targetBase.map(TufRemoteLayout::withSlash);
  }

  private static String withSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? s : s + "/";
  }

  @Override
  public URI root(long version) {
    return URI.create(metadataBase + version + ".root.json");
  }

  @Override
  public URI timestamp() {
    return URI.create(metadataBase + "timestamp.json");
  }

  // TUF 5.5.1 / 5.6.1: VERSION.ROLE.json when consistent_snapshot, else ROLE.json.
  @Override
  public URI metadata(String role, MetaFile meta, boolean consistentSnapshot) {
    String name = RoleNames.encode(role) + ".json";
    if (consistentSnapshot && meta.version().isPresent()) {
      name = meta.version().getAsLong() + "." + name;
    }
    return URI.create(metadataBase + name);
  }

  // TUF 5.7.3: the hash prefixes the last path component only; the path itself is kept as is
  // (it was matched against trusted metadata), except that characters illegal in a URL are quoted.
  @Override
  public Optional<URI> target(String targetPath, TargetFile target, boolean hashPrefix) {
    if (targetBase.isEmpty()) {
      return Optional.empty();
    }
    String path = targetPath;
    if (hashPrefix && !target.hashes().isEmpty()) {
      String hash = target.hashes().hex().values().iterator().next();
      int slash = path.lastIndexOf('/');
      path = path.substring(0, slash + 1) + hash + "." + path.substring(slash + 1);
    }
    return Optional.of(URI.create(targetBase.get() + quotePath(path)));
  }

  // Quotes each "/"-separated component (python quote(path) semantics, "/" kept).
  private static String quotePath(String path) {
    return String.join("/", Arrays.stream(path.split("/", -1)).map(RoleNames::encode).toList());
  }
}
