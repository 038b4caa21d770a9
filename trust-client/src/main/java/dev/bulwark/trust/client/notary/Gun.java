package dev.bulwark.trust.client.notary;

import java.util.Objects;

/**
 * A Notary Globally Unique Name, e.g. {@code docker.io/library/alpine} or {@code
 * localhost:5000/linuxkit/busybox}. It becomes part of URLs and of trust dir paths, so anything
 * that could escape a directory or change a URL ({@code ..}, empty segments, a leading {@code /},
 * {@code *}, whitespace, {@code ?}, {@code #}, {@code %}, {@code \}) is refused.
 *
 * @param name the GUN as given
 */
public record Gun(String name) {
  /** Notary limits GUNs to 255 bytes (database column size). */
  public static final int MAX_LENGTH = 255;

  public Gun {
    Objects.requireNonNull(name, "name");
    String problem = problem(name);
    if (problem != null) {
      throw new IllegalArgumentException("invalid GUN \"" + name + "\": " + problem);
    }
  }

  private static String problem(String name) {
    if (name.isEmpty()) {
      return "empty";
    }
    if (name.length() > MAX_LENGTH) {
      return "longer than " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || "*?#%\\\"<>{}|^`[]".indexOf(c) >= 0) {
        return "character '" + c + "' at offset " + i + " is not allowed";
      }
    }
    for (String seg : name.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        return "path segment \"" + seg + "\" is not allowed";
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name;
  }
}
