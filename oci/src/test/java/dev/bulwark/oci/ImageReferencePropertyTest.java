package dev.bulwark.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random references: parsing either refuses with {@link InvalidReferenceException} or yields
 * a reference whose printed form parses back to itself (normalisation is idempotent).
 */
class ImageReferencePropertyTest {
  private static final String ALPHABET =
      "abcdefghijklmnop0123456789abcdefghijklmnop0123456789._-/:/:/X@[] \t\u00e9%";
  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parseIsTotalAndIdempotent(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 250; i++) {
      String text = randomReference(random);
      ImageReference ref;
      try {
        ref = ImageReference.parse(text);
      } catch (InvalidReferenceException refused) {
        assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n");
        continue;
      }
      try {
        assertThat(ImageReference.parse(ref.toString())).as(text).isEqualTo(ref);
      } catch (InvalidReferenceException e) {
        throw new AssertionError("normalised form of '" + text + "' does not parse: " + ref, e);
      }
    }
  }

  private static String randomReference(Random random) {
    StringBuilder sb = new StringBuilder();
    int len = 1 + random.nextInt(24);
    for (int j = 0; j < len; j++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    if (random.nextInt(4) == 0) {
      sb.append('@').append(DIGEST);
    }
    return sb.toString();
  }
}
