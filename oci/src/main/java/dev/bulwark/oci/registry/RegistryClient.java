package dev.bulwark.oci.registry;

import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.OciLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A client for the distribution v2 API (Docker Hub, ghcr.io, {@code docker-registry}, ...).
 *
 * <p>{@link #pull} takes a {@link PinnedRef} only: every byte pulled is checked against the digest
 * chain that starts at its digest. {@link #resolveTagUnverified} is the one place a tag becomes a
 * digest without trust, and says so in its name.
 */
public final class RegistryClient {
  public static final long DEFAULT_MAX_BLOB_BYTES = 8L << 30;
  private final HttpClient http;
  private final Credentials credentials;
  private final Predicate<String> plainHttp;
  private final long maxBlobBytes;

  private RegistryClient(Builder b) {
    this.http =
        b.http != null
            ? b.http
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    this.credentials = b.credentials;
    this.plainHttp = b.plainHttp;
    this.maxBlobBytes = b.maxBlobBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Pulls {@code ref} into {@code cache}: the document at {@code ref.digest()}, and if it is an
   * index the manifest for {@code platform}, then the config and layers. Blobs already in the cache
   * are not fetched again. The cache's {@code index.json} names the image by its reference.
   */
  public Image pull(PinnedRef ref, Platform platform, OciLayout cache)
      throws IOException, OciException {
    return new ImagePuller(caller(ref.reference(), "pull"), cache, maxBlobBytes)
        .pull(ref, platform);
  }

  /**
   * UNVERIFIED: asks the registry which manifest a tag points at now and returns its digest
   * (computed over the bytes received). Nothing vouches for the answer; use it only for images that
   * trust does not cover.
   */
  public PinnedRef resolveTagUnverified(ImageReference ref) throws IOException, OciException {
    String tag =
        ref.tag().orElseThrow(() -> new IllegalArgumentException(ref + " has no tag to resolve"));
    RegistryCaller caller = caller(ref, "pull");
    ManifestPuller.Raw raw = caller.call(new ManifestPuller(ref.repository(), tag));
    return new PinnedRef(ref, Digest.sha256(raw.bytes()));
  }

  /**
   * Pushes the image or index {@code top} from {@code source} to {@code target}: missing blobs,
   * then child manifests by digest, then {@code top} by the target's tag (or digest). Returns the
   * digest of {@code top}.
   */
  public Digest push(OciLayout source, Descriptor top, ImageReference target)
      throws IOException, OciException {
    return new ImagePusher(caller(target, "pull,push"), source).push(top, target);
  }

  private RegistryCaller caller(ImageReference ref, String actions) {
    return new RegistryCaller(
        http,
        origin(ref.registry()),
        ref.repository(),
        actions,
        credentials.forRegistry(ref.registry()));
  }

  /** The API origin for a registry name: docker.io is served by registry-1.docker.io. */
  URI origin(String registry) {
    String host = registry.equals(ImageReference.DOCKER_HUB) ? "registry-1.docker.io" : registry;
    return URI.create((plainHttp.test(registry) ? "http://" : "https://") + host);
  }

  /** Loopback registries ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) speak plain HTTP. */
  static boolean isLoopback(String registry) {
    String host =
        registry.startsWith("[")
            ? registry.substring(0, registry.indexOf(']') + 1)
            : registry.split(":")[0];
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }

  /** Configuration for a {@link RegistryClient}. */
  public static final class Builder {
    private HttpClient http;
    private Credentials credentials = Credentials.anonymous();
    private Predicate<String> plainHttp = RegistryClient::isLoopback;
    private long maxBlobBytes = DEFAULT_MAX_BLOB_BYTES;

    private Builder() {}

    public Builder credentials(Credentials c) {
      this.credentials = c;
      return this;
    }

    /** Which registries (host[:port]) to reach over plain HTTP; default loopback only. */
    public Builder plainHttp(Predicate<String> registries) {
      this.plainHttp = registries;
      return this;
    }

    /** A custom HTTP client; it must not follow redirects itself (the client does, safely). */
    public Builder httpClient(HttpClient client) {
      if (client.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException("the HttpClient must use Redirect.NEVER");
      }
      this.http = client;
      return this;
    }

    /** Blobs declared larger than this are refused before download (default 8 GiB). */
    public Builder maxBlobBytes(long limit) {
      if (limit <= 0) {
        throw new IllegalArgumentException("maxBlobBytes must be positive, found " + limit);
      }
      this.maxBlobBytes = limit;
      return this;
    }

    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }
}
