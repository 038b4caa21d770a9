package dev.bulwark.trust.server.http;

import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.server.keys.ServerKeys;
import dev.bulwark.trust.server.store.StoreException;
import dev.bulwark.trust.server.update.MetadataService;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET|POST <gun>/_trust/tuf/{timestamp,snapshot}.key}. */
public final class KeyHandlers {
  private final ServerKeys keys;
  private final MetadataService metadata;

  public KeyHandlers(ServerKeys keys, MetadataService metadata) {
    this.keys = keys;
    this.metadata = metadata;
  }

  public Response get(Call call) throws ApiException {
    String role = call.param("role");
    try {
      var listed =
          metadata
              .root(call.gun())
              .map(r -> r.signed().role(RoleType.valueOf(role.toUpperCase(java.util.Locale.ROOT))));
      return render(keys.getOrCreate(call.gun(), role, listed));
    } catch (StoreException e) {
      throw ApiException.of(ErrorCode.NO_CRYPTOSERVICE, "key storage unavailable");
    }
  }

  public Response rotate(Call call) throws ApiException {
    try {
      return render(keys.rotate(call.gun(), call.param("role")));
    } catch (StoreException e) {
      throw ApiException.of(ErrorCode.NO_CRYPTOSERVICE, "key storage unavailable");
    }
  }

  /** {@code {"keytype":..,"keyval":{"public":..,"private":null}}} as Notary writes it. */
  private static Response render(Key key) {
    Map<String, Object> keyval = new LinkedHashMap<>();
    keyval.put("public", key.publicValue());
    keyval.put("private", null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("keytype", key.keyType());
    out.put("keyval", keyval);
    return Response.ok(Response.TEXT, Json.write(out));
  }
}
