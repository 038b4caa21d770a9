package dev.bulwark.trust.core.crypto;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM armour: one or more {@code -----BEGIN X-----} blocks around base64 DER. */
public final class Pem {
  private Pem() {}

  /** One decoded PEM block. */
  public record Block(String label, byte[] der) {}

  /** Encodes DER as PEM with 64-character lines and a trailing newline. */
  public static String encode(String label, byte[] der) {
    String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
  }

  /** All PEM blocks in {@code text}, in order; text outside blocks is ignored. */
  public static List<Block> decodeAll(String text) {
    List<Block> blocks = new ArrayList<>();
    int from = 0;
    while (true) {
      int begin = text.indexOf("-----BEGIN ", from);
      if (begin < 0) {
        return blocks;
      }
      int labelEnd = text.indexOf("-----", begin + 11);
      if (labelEnd < 0) {
        throw new IllegalArgumentException("unterminated PEM BEGIN line");
      }
      String label = text.substring(begin + 11, labelEnd);
      String endLine = "-----END " + label + "-----";
      int end = text.indexOf(endLine, labelEnd + 5);
      if (end < 0) {
        throw new IllegalArgumentException("PEM block " + label + " has no END line");
      }
      String body = text.substring(labelEnd + 5, end).replaceAll("\\s", "");
      blocks.add(new Block(label, Base64.getDecoder().decode(body)));
      from = end + endLine.length();
    }
  }

  /** The DER of the single block labelled {@code label}. */
  public static byte[] decode(String text, String label) {
    for (Block b : decodeAll(text)) {
      if (b.label().equals(label)) {
        return b.der();
      }
    }
    throw new IllegalArgumentException("no PEM block labelled " + label);
  }
}
