package dev.bulwark.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.bulwark.trust.client.notary.TargetWithRole;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Hashes;
import dev.bulwark.trust.core.model.TargetFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetTableTest {
  @Test
  void rendersLikeNotaryList() {
    // captured from the real `notary list` (notary 0.7.0) for target v1 = "hello"
    String expected =
        "NAME    DIGEST                                                              SIZE (BYTES)    ROLE\n"
            + "----    ------                                                              ------------    ----\n"
            + "v1      2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824    5               targets\n";
    TargetFile f =
        new TargetFile(
            5,
            Hashes.sha256("hello".getBytes(StandardCharsets.UTF_8)),
            Optional.empty(),
            JsonObject.EMPTY);

    assertThat(TargetTable.render(List.of(new TargetWithRole("v1", f, "targets"))))
        .isEqualTo(expected);
  }

  @Test
  void emptyCollection_printsNotarysMessage() {
    assertThat(TargetTable.render(List.of()))
        .isEqualTo("\nNo targets present in this repository.\n\n");
  }

  @Test
  void aotTraining_verifiesTheBundledFixtureWithoutSideEffects() {
    assertThatCode(TrustAotTraining::run).doesNotThrowAnyException();
  }
}
