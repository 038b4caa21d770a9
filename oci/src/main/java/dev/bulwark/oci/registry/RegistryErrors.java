package dev.bulwark.oci.registry;

import dev.bulwark.oci.ImageNotFoundException;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.RegistryException;
import dev.bulwark.oci.internal.Json;
import dev.bulwark.oci.internal.VerifyingCopy;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Turns a failed registry response into an exception naming the action, status and codes. */
final class RegistryErrors {
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private RegistryErrors() {}

  static OciException toException(
      String action, URI origin, HttpResponse<InputStream> resp, InputStream body) {
    List<String> codes = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    try {
      byte[] bytes = VerifyingCopy.readLimited(body, MAX_ERROR_BODY, "error body");
      JsonNode root = Json.MAPPER.readTree(bytes);
      for (JsonNode e : root.path("errors")) {
        codes.add(e.path("code").asString(""));
        messages.add(e.path("message").asString(""));
      }
    } catch (Exception unreadable) {
      // a body that is not distribution error JSON adds nothing to the status line
    }
    int s = resp.statusCode();
    String text =
        action
            + ": registry "
            + origin.getAuthority()
            + " answered HTTP "
            + s
            + (codes.isEmpty() ? "" : " " + codes + " " + messages);
    if (s == 404) {
      return new ImageNotFoundException(text);
    }
    return new RegistryException(text, s, codes);
  }
}
