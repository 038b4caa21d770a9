package dev.bulwark.oci.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bulwark.oci.BlobVerificationException;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Blob descriptors and streams chosen by a hostile registry or archive. */
class HostileBlobTest {
  private static final byte[] TEN = "0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @Test
  void descriptorSizeOfLongMax_failsInsteadOfSpinning() {
    // size + 1 overflowed to Long.MIN_VALUE, which made every read ask for 0 bytes, forever.
    Descriptor d = Descriptor.of("application/octet-stream", Digest.sha256(TEN), Long.MAX_VALUE);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(
                    () ->
                        VerifyingCopy.copy(
                            new ByteArrayInputStream(TEN), OutputStream.nullOutputStream(), d, "b"))
                .isInstanceOf(BlobVerificationException.class)
                .hasMessageContaining("received 10"));
  }

  @Test
  void endlessStream_isCutOffOneByteAfterTheDeclaredSize() {
    Descriptor d = Descriptor.of("application/octet-stream", Digest.sha256(TEN), 10);
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }
        };
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(
                    () -> VerifyingCopy.copy(endless, OutputStream.nullOutputStream(), d, "b"))
                .isInstanceOf(BlobVerificationException.class)
                .hasMessageContaining("received more"));
  }

  @Test
  void descriptorSizeJustBelowLongMax_readsTheStreamAndReportsTheShortfall() {
    Descriptor d =
        Descriptor.of("application/octet-stream", Digest.sha256(TEN), Long.MAX_VALUE - 1);
    assertThatThrownBy(
            () ->
                VerifyingCopy.copy(
                    new ByteArrayInputStream(TEN), OutputStream.nullOutputStream(), d, "b"))
        .isInstanceOf(BlobVerificationException.class)
        .hasMessageContaining("received 10");
  }
}
