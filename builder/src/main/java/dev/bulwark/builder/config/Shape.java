package dev.bulwark.builder.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The expected shape of a YAML node, a small stand-in for LinuxKit's JSON schema. */
sealed interface Shape {

  /** A mapping with a closed set of keys ({@code additionalProperties: false}). */
  record Obj(Map<String, Shape> fields, Set<String> required) implements Shape {
    public Obj {
      fields = Map.copyOf(fields);
      required = Set.copyOf(required);
    }
  }

  /** A sequence whose items all have one shape. */
  record Arr(Shape items) implements Shape {}

  /** A mapping from free-form keys to values of one shape ({@code sysctl}, {@code annotations}). */
  record Dict(Shape values) implements Shape {}

  /** A scalar of one or more accepted kinds. */
  record Scalar(List<Kind> kinds) implements Shape {
    public Scalar {
      kinds = List.copyOf(kinds);
    }
  }

  /** Scalar kinds, as the YAML 1.2 core schema resolves them. */
  enum Kind {
    STRING,
    INTEGER,
    BOOLEAN
  }

  Shape STRING = new Scalar(List.of(Kind.STRING));
  Shape INTEGER = new Scalar(List.of(Kind.INTEGER));
  Shape BOOLEAN = new Scalar(List.of(Kind.BOOLEAN));
  Shape INT_OR_STRING = new Scalar(List.of(Kind.INTEGER, Kind.STRING));
  Shape STRINGS = new Arr(STRING);
}
