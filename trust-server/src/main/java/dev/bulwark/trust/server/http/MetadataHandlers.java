package dev.bulwark.trust.server.http;

import dev.bulwark.trust.server.store.StoreException;
import dev.bulwark.trust.server.store.StoredFile;
import dev.bulwark.trust.server.update.MetadataService;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** GET of current, by-checksum and by-version metadata with Notary's cache headers. */
public final class MetadataHandlers {
  private static final DateTimeFormatter LAST_MODIFIED =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private final MetadataService metadata;
  private final String currentCacheControl;
  private final String consistentCacheControl;

  public MetadataHandlers(MetadataService metadata, Duration currentMaxAge, Duration consistent) {
    this.metadata = metadata;
    this.currentCacheControl = cacheControl(currentMaxAge, true);
    this.consistentCacheControl = cacheControl(consistent, false);
  }

  private static String cacheControl(Duration maxAge, boolean revalidate) {
    long s = maxAge.toSeconds();
    if (s <= 0) {
      return "max-age=0, no-cache, no-store";
    }
    return "public, max-age=" + s + ", s-maxage=" + s + (revalidate ? ", must-revalidate" : "");
  }

  public Response current(Call call) throws ApiException {
    return serve(
        lookup(() -> metadata.current(call.gun(), call.param("role"))), currentCacheControl);
  }

  /** Only lower-case sha256 ever matches (notary.md fact 19); other forms are 404. */
  public Response byChecksum(Call call) throws ApiException {
    String sum = call.param("checksum");
    if (sum.length() != 64 || !sum.equals(sum.toLowerCase(Locale.ROOT))) {
      throw notFound();
    }
    return serve(
        lookup(() -> metadata.byChecksum(call.gun(), call.param("role"), sum)),
        consistentCacheControl);
  }

  public Response byVersion(Call call) throws ApiException {
    int version;
    try {
      version = Integer.parseInt(call.param("version"));
    } catch (NumberFormatException e) {
      throw notFound();
    }
    return serve(
        lookup(() -> metadata.byVersion(call.gun(), call.param("role"), version)),
        consistentCacheControl);
  }

  private Response serve(StoredFile f, String cacheControl) {
    Response r =
        new Response(
            200,
            Map.of(
                "Content-Type",
                Response.TEXT,
                "Cache-Control",
                cacheControl,
                "Last-Modified",
                LAST_MODIFIED.format(f.createdAt())),
            f.data());
    return cacheControl.startsWith("max-age=0") ? r.withHeader("Pragma", "no-cache") : r;
  }

  @FunctionalInterface
  private interface Lookup {
    Optional<StoredFile> find() throws StoreException;
  }

  private static StoredFile lookup(Lookup l) throws ApiException {
    try {
      return l.find().orElseThrow(MetadataHandlers::notFound);
    } catch (StoreException e) {
      throw ApiException.of(ErrorCode.UNKNOWN, "storage unavailable");
    }
  }

  static ApiException notFound() {
    return ApiException.of(ErrorCode.METADATA_NOT_FOUND, Map.of());
  }
}
