package dev.bulwark.oci.registry;

import dev.bulwark.oci.ManifestDocument;
import dev.bulwark.oci.MediaTypes;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.internal.VerifyingCopy;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v2/<name>/manifests/<reference>}: the raw bytes (at most 4 MiB, enforced while
 * reading) and the Content-Type. Checking the digest is the caller's job, because only it knows
 * what digest was asked for.
 */
final class ManifestPuller implements RegistryEndpoint<ManifestPuller.Raw> {
  record Raw(byte[] bytes, String contentType) {}

  private final String repository;
  private final String reference;

  ManifestPuller(String repository, String reference) {
    this.repository = repository;
    this.reference = reference;
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public String target() {
    return "/v2/" + repository + "/manifests/" + reference;
  }

  @Override
  public List<String> accept() {
    return MediaTypes.MANIFEST_ACCEPT;
  }

  @Override
  public Set<Integer> success() {
    return Set.of(200);
  }

  @Override
  public Raw handle(HttpResponse<InputStream> response) throws IOException, OciException {
    byte[] bytes = VerifyingCopy.readLimited(response.body(), ManifestDocument.MAX_BYTES, action());
    return new Raw(bytes, response.headers().firstValue("Content-Type").orElse(null));
  }

  @Override
  public String action() {
    return "pull manifest " + reference + " of " + repository;
  }
}
