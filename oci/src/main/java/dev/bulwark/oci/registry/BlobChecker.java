package dev.bulwark.oci.registry;

import dev.bulwark.oci.Digest;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Set;

/** {@code HEAD /v2/<name>/blobs/<digest>}: whether the registry already has a blob. */
final class BlobChecker implements RegistryEndpoint<Boolean> {
  private final String repository;
  private final Digest digest;

  BlobChecker(String repository, Digest digest) {
    this.repository = repository;
    this.digest = digest;
  }

  @Override
  public String method() {
    return "HEAD";
  }

  @Override
  public String target() {
    return "/v2/" + repository + "/blobs/" + digest;
  }

  @Override
  public Set<Integer> success() {
    return Set.of(200);
  }

  @Override
  public boolean notFoundIsAnswer() {
    return true;
  }

  @Override
  public Boolean handle(HttpResponse<InputStream> response) {
    return response.statusCode() == 200;
  }

  @Override
  public String action() {
    return "check blob " + digest + " in " + repository;
  }
}
