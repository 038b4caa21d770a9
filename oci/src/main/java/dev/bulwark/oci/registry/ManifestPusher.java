package dev.bulwark.oci.registry;

import dev.bulwark.oci.ManifestDocument;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/** {@code PUT /v2/<name>/manifests/<tag or digest>} with the document's exact bytes. */
final class ManifestPusher implements RegistryEndpoint<Void> {
  private final String repository;
  private final String reference;
  private final ManifestDocument document;

  ManifestPusher(String repository, String reference, ManifestDocument document) {
    this.repository = repository;
    this.reference = reference;
    this.document = document;
  }

  @Override
  public String method() {
    return "PUT";
  }

  @Override
  public String target() {
    return "/v2/" + repository + "/manifests/" + reference;
  }

  @Override
  public HttpRequest.BodyPublisher body() {
    return HttpRequest.BodyPublishers.ofByteArray(document.bytes());
  }

  @Override
  public String contentType() {
    return document.mediaType();
  }

  @Override
  public Set<Integer> success() {
    return Set.of(201, 200);
  }

  @Override
  public Void handle(HttpResponse<InputStream> response) {
    return null;
  }

  @Override
  public String action() {
    return "push manifest " + reference + " to " + repository;
  }
}
