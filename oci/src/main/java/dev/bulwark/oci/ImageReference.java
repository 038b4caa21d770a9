package dev.bulwark.oci;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A normalised image reference: {@code registry/repository[:tag][@digest]}.
 *
 * <p>Parsing follows the distribution reference grammar and Docker's normalisation: a name without
 * a registry lives on {@code docker.io}, a single-component Docker Hub name gets {@code library/},
 * {@code index.docker.io} becomes {@code docker.io}, and a reference with neither tag nor digest
 * gets the tag {@code latest}. A tag alone is never evidence of content; see {@link PinnedRef}.
 *
 * @param registry host with optional port, e.g. {@code docker.io}, {@code localhost:5000}
 * @param repository slash-separated lowercase path, e.g. {@code library/alpine}
 * @param tag the tag, if any
 * @param digest the digest, if any
 */
public record ImageReference(
    String registry, String repository, Optional<String> tag, Optional<Digest> digest) {

  public static final String DOCKER_HUB = "docker.io";
  private static final int NAME_TOTAL_MAX = 255;
  private static final Pattern DOMAIN_COMPONENT =
      Pattern.compile("[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+]");
  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

  public ImageReference {
    if (registry == null || repository == null || tag == null || digest == null) {
      throw new IllegalArgumentException("image reference parts must not be null");
    }
    if (tag.isEmpty() && digest.isEmpty()) {
      throw new IllegalArgumentException(
          "image reference " + registry + "/" + repository + " needs a tag or a digest");
    }
  }

  /** Parses and normalises {@code text}; see the class comment for the rules. */
  public static ImageReference parse(String text) throws InvalidReferenceException {
    if (text == null || text.isEmpty()) {
      throw new InvalidReferenceException("image reference is empty");
    }
    if (text.length() > 512 || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidReferenceException(
          "image reference '"
              + Digest.printable(text)
              + "' contains spaces, control or non-ASCII characters, or is too long");
    }
    String rest = text;
    Optional<Digest> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(Digest.parse(rest.substring(at + 1)));
      rest = rest.substring(0, at);
    }
    Optional<String> tag = Optional.empty();
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = Optional.of(checkTag(rest.substring(colon + 1), text));
      rest = rest.substring(0, colon);
    }
    return build(rest, tag, digest, text);
  }

  private static ImageReference build(
      String name, Optional<String> tag, Optional<Digest> digest, String text)
      throws InvalidReferenceException {
    if (name.length() > NAME_TOTAL_MAX) {
      throw new InvalidReferenceException(
          "image name in '" + Digest.printable(text) + "' is longer than 255 characters");
    }
    String registry = DOCKER_HUB;
    String path = name;
    int slash = name.indexOf('/');
    if (slash >= 0 && looksLikeDomain(name.substring(0, slash))) {
      registry = checkDomain(name.substring(0, slash), text);
      path = name.substring(slash + 1);
    }
    if (registry.equals("index.docker.io")) {
      registry = DOCKER_HUB;
    }
    checkPath(path, text);
    if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    if (tag.isEmpty() && digest.isEmpty()) {
      tag = Optional.of("latest");
    }
    return new ImageReference(registry, path, tag, digest);
  }

  private static boolean looksLikeDomain(String first) {
    return first.contains(".")
        || first.contains(":")
        || first.equals("localhost")
        || !first.equals(first.toLowerCase(Locale.ROOT));
  }

  private static String checkDomain(String domain, String text) throws InvalidReferenceException {
    String host = domain;
    if (!domain.startsWith("[") || domain.lastIndexOf(']') < domain.lastIndexOf(':')) {
      int colon = domain.lastIndexOf(':');
      if (colon >= 0) {
        checkPort(domain.substring(colon + 1), text);
        host = domain.substring(0, colon);
      }
    }
    if (IPV6.matcher(host).matches()) {
      return domain;
    }
    for (String component : host.split("\\.", -1)) {
      if (!DOMAIN_COMPONENT.matcher(component).matches()) {
        throw new InvalidReferenceException(
            "registry host '"
                + Digest.printable(domain)
                + "' in '"
                + Digest.printable(text)
                + "' is not a valid host name");
      }
    }
    return domain;
  }

  private static void checkPort(String port, String text) throws InvalidReferenceException {
    boolean digits =
        !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(Character::isDigit);
    if (!digits || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      throw new InvalidReferenceException(
          "registry port '"
              + Digest.printable(port)
              + "' in '"
              + Digest.printable(text)
              + "' must be a number from 1 to 65535");
    }
  }

  private static void checkPath(String path, String text) throws InvalidReferenceException {
    if (path.isEmpty()) {
      throw new InvalidReferenceException(
          "image reference '" + Digest.printable(text) + "' has no repository name");
    }
    if (!path.equals(path.toLowerCase(Locale.ROOT))) {
      throw new InvalidReferenceException(
          "repository name '" + Digest.printable(path) + "' must be lowercase");
    }
    for (String component : path.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(component).matches()) {
        throw new InvalidReferenceException(
            "repository path component '"
                + Digest.printable(component)
                + "' in '"
                + Digest.printable(text)
                + "' must be lowercase letters and digits separated by '.', '_', '__' or '-'");
      }
    }
  }

  private static String checkTag(String tag, String text) throws InvalidReferenceException {
    if (!TAG.matcher(tag).matches()) {
      throw new InvalidReferenceException(
          "tag '"
              + Digest.printable(tag)
              + "' in '"
              + Digest.printable(text)
              + "' must be 1-128 characters of letters, digits, '_', '.' or '-', not starting with"
              + " '.' or '-'");
    }
    return tag;
  }

  /** {@code registry/repository}, without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  /** This reference with {@code digest} and the same tag. */
  public ImageReference withDigest(Digest newDigest) {
    return new ImageReference(registry, repository, tag, Optional.of(newDigest));
  }

  /** This reference with {@code newTag} and no digest. */
  public ImageReference withTag(String newTag) throws InvalidReferenceException {
    return new ImageReference(
        registry, repository, Optional.of(checkTag(newTag, newTag)), Optional.empty());
  }

  /** The full normalised form, e.g. {@code docker.io/library/alpine:3.20@sha256:...}. */
  @Override
  public String toString() {
    return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}
