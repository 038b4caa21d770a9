package dev.bulwark.builder.image;

import dev.bulwark.oci.Digest;
import dev.bulwark.oci.InvalidReferenceException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference, expanded the way LinuxKit (and Docker) do: {@code redis} is {@code
 * docker.io/library/redis}, {@code foo/bar} is {@code docker.io/foo/bar} unless the first part
 * contains {@code .} or {@code :} or is {@code localhost}. No {@code :latest} is added here.
 */
public record ImageName(
    String registry, String repository, Optional<String> tag, Optional<Digest> digest) {
  public static final String DOCKER_HUB = "docker.io";
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern REGISTRY =
      Pattern.compile(
          "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.?)+(?::[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\](?::[0-9]{1,5})?");

  public ImageName {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
  }

  /** Parses and expands {@code text}; throws with the reason if it is not a valid reference. */
  public static ImageName parse(String text) throws InvalidReferenceException {
    if (text == null || text.isEmpty() || text.length() > 512) {
      throw new InvalidReferenceException("image reference must be 1 to 512 characters");
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
      tag = Optional.of(rest.substring(colon + 1));
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag.get()).matches()) {
        throw new InvalidReferenceException("invalid tag '" + tag.get() + "' in '" + text + "'");
      }
    }
    return split(text, rest, tag, digest);
  }

  private static ImageName split(
      String text, String name, Optional<String> tag, Optional<Digest> digest)
      throws InvalidReferenceException {
    String registry = DOCKER_HUB;
    String repository = name;
    int slash = name.indexOf('/');
    if (slash > 0) {
      String first = name.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        repository = name.substring(slash + 1);
        if (!REGISTRY.matcher(registry).matches()) {
          throw new InvalidReferenceException(
              "invalid registry '" + registry + "' in '" + text + "'");
        }
      }
    }
    if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    for (String part : repository.split("/", -1)) {
      if (!COMPONENT.matcher(part).matches()) {
        throw new InvalidReferenceException(
            "invalid repository name component '"
                + part
                + "' in '"
                + text
                + "' (lowercase letters, digits and single separators . _ __ -)");
      }
    }
    return new ImageName(registry, repository, tag, digest);
  }

  /** {@code registry/repository}, without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  /** The tag, {@code latest} when none was given. */
  public String tagOrLatest() {
    return tag.orElse("latest");
  }

  /** This name pinned to {@code d}, keeping the tag for display. */
  public ImageName withDigest(Digest d) {
    return new ImageName(registry, repository, tag, Optional.of(d));
  }

  @Override
  public String toString() {
    return name() + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}
