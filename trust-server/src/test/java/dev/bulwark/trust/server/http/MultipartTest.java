package dev.bulwark.trust.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartTest {
  private static final String BOUNDARY =
      "fb63bb75578557c9fc83c817f1d0ac3d35083a310cd2240889f370d34575";

  @Test
  void goClientUpload_yieldsOnePartPerRole() throws Exception {
    String body =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"root\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n{\"a\":1}\r\n--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"targets/releases\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n{\"b\":\r\n2}\r\n--"
            + BOUNDARY
            + "--\r\n";
    String b = Multipart.boundary("multipart/form-data; boundary=" + BOUNDARY);
    List<Multipart.Part> parts = Multipart.parse(body.getBytes(StandardCharsets.UTF_8), b);
    assertThat(parts)
        .extracting(Multipart.Part::filename)
        .containsExactly("root", "targets/releases");
    assertThat(new String(parts.get(1).data(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":\r\n2}");
  }

  @Test
  void missingClosingBoundary_isMalformedUpload() {
    String body =
        "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"root\"\r\n\r\n{}";
    assertThatThrownBy(() -> Multipart.parse(body.getBytes(StandardCharsets.UTF_8), "x"))
        .isInstanceOf(ApiException.class)
        .satisfies(
            e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.MALFORMED_UPLOAD));
  }

  @Test
  void nonMultipartContentType_isMalformedUpload() {
    assertThatThrownBy(() -> Multipart.boundary("application/json"))
        .isInstanceOf(ApiException.class);
  }
}
