package dev.bulwark.oci.registry;

import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.layout.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * {@code GET /v2/<name>/blobs/<digest>} streamed into the cache, size and digest verified while
 * streaming; a mismatch leaves nothing in the cache.
 */
final class BlobPuller implements RegistryEndpoint<Void> {
  private final String repository;
  private final Descriptor descriptor;
  private final OciLayout cache;

  BlobPuller(String repository, Descriptor descriptor, OciLayout cache) {
    this.repository = repository;
    this.descriptor = descriptor;
    this.cache = cache;
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public String target() {
    return "/v2/" + repository + "/blobs/" + descriptor.digest();
  }

  @Override
  public Set<Integer> success() {
    return Set.of(200);
  }

  @Override
  public Void handle(HttpResponse<InputStream> response) throws IOException, OciException {
    cache.writeBlob(descriptor, response.body(), action());
    return null;
  }

  @Override
  public String action() {
    return "pull blob " + descriptor.digest() + " of " + repository;
  }
}
