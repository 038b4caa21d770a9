package dev.bulwark.oci.registry;

import dev.bulwark.oci.RegistryException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

/** {@code POST /v2/<name>/blobs/uploads/}: opens an upload session, answers its Location. */
final class BlobUploadStarter implements RegistryEndpoint<String> {
  private final String repository;

  BlobUploadStarter(String repository) {
    this.repository = repository;
  }

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public String target() {
    return "/v2/" + repository + "/blobs/uploads/";
  }

  @Override
  public HttpRequest.BodyPublisher body() {
    return HttpRequest.BodyPublishers.noBody();
  }

  @Override
  public Set<Integer> success() {
    return Set.of(202);
  }

  @Override
  public String handle(HttpResponse<InputStream> response) throws RegistryException {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(
            () -> new RegistryException(action() + ": 202 without Location", 202, List.of()));
  }

  @Override
  public String action() {
    return "start blob upload to " + repository;
  }
}
