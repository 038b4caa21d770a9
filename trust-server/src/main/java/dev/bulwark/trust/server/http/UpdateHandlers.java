package dev.bulwark.trust.server.http;

import dev.bulwark.trust.server.store.StoreException;
import dev.bulwark.trust.server.store.VersionConflictException;
import dev.bulwark.trust.server.update.InvalidUpdateException;
import dev.bulwark.trust.server.update.MalformedUpdateException;
import dev.bulwark.trust.server.update.UpdateService;
import dev.bulwark.trust.server.update.Upload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The multipart update POST and the collection DELETE. */
public final class UpdateHandlers {
  private static final System.Logger LOG = System.getLogger(UpdateHandlers.class.getName());
  private final UpdateService updates;

  public UpdateHandlers(UpdateService updates) {
    this.updates = updates;
  }

  public Response update(Call call) throws ApiException {
    String boundary = Multipart.boundary(call.header("Content-Type"));
    byte[] body;
    try {
      body = call.body().readAllBytes();
    } catch (BodyTooLargeException e) {
      throw ApiException.of(ErrorCode.TOO_LARGE, e.getMessage());
    } catch (IOException e) {
      throw ApiException.of(ErrorCode.MALFORMED_UPLOAD, "reading the body failed");
    }
    List<Upload> uploads = new ArrayList<>();
    for (Multipart.Part p : Multipart.parse(body, boundary)) {
      uploads.add(new Upload(p.filename(), p.data()));
    }
    try {
      updates.apply(call.gun(), uploads);
      return Response.empty();
    } catch (MalformedUpdateException e) {
      throw malformed(e);
    } catch (InvalidUpdateException e) {
      throw ApiException.of(ErrorCode.INVALID_UPDATE, detail(e));
    } catch (VersionConflictException e) {
      throw ApiException.of(ErrorCode.VERSION, Map.of());
    } catch (StoreException e) {
      LOG.log(System.Logger.Level.ERROR, "storing an update of " + call.gun() + " failed", e);
      throw ApiException.of(ErrorCode.UPDATING, Map.of());
    }
  }

  public Response delete(Call call) throws ApiException {
    try {
      updates.delete(call.gun());
      return Response.empty();
    } catch (StoreException e) {
      LOG.log(System.Logger.Level.ERROR, "deleting " + call.gun() + " failed", e);
      throw ApiException.of(ErrorCode.UPDATING, Map.of());
    }
  }

  private static ApiException malformed(MalformedUpdateException e) {
    return switch (e.kind()) {
      case NO_FILENAME -> ApiException.of(ErrorCode.NO_FILENAME);
      case INVALID_ROLE -> ApiException.of(ErrorCode.INVALID_ROLE, e.detail());
      case MALFORMED_JSON -> ApiException.of(ErrorCode.MALFORMED_JSON, e.detail());
      case MALFORMED_UPLOAD -> ApiException.of(ErrorCode.MALFORMED_UPLOAD, e.detail());
    };
  }

  /** Notary's {@code {"Name":"ErrBadRoot","Error":{"Msg":...}}} detail object. */
  private static Map<String, Object> detail(InvalidUpdateException e) {
    Map<String, Object> err = new LinkedHashMap<>();
    if (e.missing() != null) {
      err.put("Missing", e.missing());
    }
    err.put("Msg", e.getMessage());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("Name", e.errorName());
    d.put("Error", err);
    return d;
  }
}
